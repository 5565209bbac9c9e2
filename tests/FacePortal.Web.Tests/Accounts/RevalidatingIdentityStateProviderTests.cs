using System.Security.Claims;
using FacePortal.Web.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FacePortal.Web.Tests.Accounts;

public sealed class RevalidatingIdentityStateProviderTests
{
    [Fact]
    public async Task Ending_the_accounts_sessions_signs_its_circuit_out_at_once_and_leaves_others_alone()
    {
        var sessions = new AccountSessions(NullLogger<AccountSessions>.Instance, []);
        using var services = new ServiceCollection().BuildServiceProvider();
        using var circuit = new RevalidatingIdentityStateProvider(NullLoggerFactory.Instance, services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new IdentityOptions()), sessions);
        circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1")], "cookie")))));
        Task<AuthenticationState>? notified = null;
        circuit.AuthenticationStateChanged += state => notified = state;

        Assert.Equal(0, sessions.End("someone-else"));
        Assert.Null(notified);
        Assert.Equal(1, sessions.End("u1"));

        Assert.NotNull(notified);
        Assert.False((await notified).User.Identity?.IsAuthenticated);
        Assert.False((await circuit.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }
}
