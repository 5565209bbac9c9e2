using System.Net;
using FacePortal.Web.Accounts;
using FacePortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Accounts;

public sealed class SignInTests(FacePortalFactory factory) : IClassFixture<FacePortalFactory>
{
    [Fact]
    public async Task The_configured_admin_signs_in_and_out()
    {
        using var client = await factory.SignInAsync();
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        var html = await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = FacePortalFactory.AntiforgeryTokenIn(html);
        using var logout = await client.PostAsync(
            new Uri("/account/logout", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
            TestContext.Current.CancellationToken);
        using var after = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_says_so_without_naming_the_account()
    {
        using var client = factory.CreateBrowserlessClient();
        using var wrong = await FacePortalFactory.PostLoginAsync(client, FacePortalFactory.AdminName, "not-the-password");
        using var unknown = await FacePortalFactory.PostLoginAsync(client, "nobody", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The user name or password is not right.", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("The user name or password is not right.", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        var users = factory.Services.GetRequiredService<UserAdministration>();
        Assert.True((await users.CreateAsync("locky", FacePortalFactory.UserPassword, [Roles.User], "test")).Succeeded);
        using var client = factory.CreateBrowserlessClient();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await FacePortalFactory.PostLoginAsync(client, "locky", "wrong-password");
        }

        using var right = await FacePortalFactory.PostLoginAsync(client, "locky", FacePortalFactory.UserPassword);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("This account is locked", await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True((await users.ListAsync(TestContext.Current.CancellationToken)).Single(u => u.UserName == "locky").IsLockedOut);

        var unlocked = await users.SetLockedAsync((await users.ListAsync(TestContext.Current.CancellationToken)).Single(u => u.UserName == "locky").Id, locked: false, actorId: "x", actor: "test");
        Assert.True(unlocked.Succeeded);
        using var client2 = await factory.SignInAsync("locky", FacePortalFactory.UserPassword);
    }

    [Fact]
    public async Task Return_urls_stay_on_this_site()
    {
        using var client = factory.CreateBrowserlessClient();

        using var response = await FacePortalFactory.PostLoginAsync(client, FacePortalFactory.AdminName, FacePortalFactory.AdminPassword, returnUrl: "//evil.example/x");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_last_admin_cannot_be_removed_and_admins_cannot_lock_themselves()
    {
        var users = factory.Services.GetRequiredService<UserAdministration>();
        var admin = (await users.ListAsync(TestContext.Current.CancellationToken)).Single(u => u.UserName == FacePortalFactory.AdminName);

        var delete = await users.DeleteAsync(admin.Id, actorId: "someone-else", actor: "test");
        var lockSelf = await users.SetLockedAsync(admin.Id, locked: true, actorId: admin.Id, actor: "test");
        var demote = await users.SetRolesAsync(admin.Id, [Roles.User], actorId: "someone-else", actor: "test");

        Assert.Equal("You cannot delete the last administrator.", delete.Error);
        Assert.Equal("You cannot lock your own account.", lockSelf.Error);
        Assert.Equal("You cannot remove the Admin role from the last administrator.", demote.Error);
    }
}
