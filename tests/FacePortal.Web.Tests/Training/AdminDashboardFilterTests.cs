using System.Security.Claims;
using FacePortal.Web.Accounts;
using FacePortal.Web.Training;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Training;

public sealed class AdminDashboardFilterTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData(Roles.User, false)]
    [InlineData(Roles.Admin, true)]
    public void Only_a_signed_in_admin_is_let_in(string? role, bool allowed)
    {
        var identity = role is null ? new ClaimsIdentity() : new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)], "test");
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = new ServiceCollection().BuildServiceProvider() };
        var context = new AspNetCoreDashboardContext(new UnusedStorage(), new DashboardOptions(), http);

        Assert.Equal(allowed, new AdminDashboardFilter().Authorize(context));
    }

    /// <summary>The filter decides from the user alone; storage is never touched.</summary>
    private sealed class UnusedStorage : JobStorage
    {
        public override IMonitoringApi GetMonitoringApi() => throw new NotSupportedException();

        public override IStorageConnection GetConnection() => throw new NotSupportedException();
    }
}
