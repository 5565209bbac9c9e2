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
    public async Task Ten_failures_lock_the_account_even_for_the_right_password_and_it_reads_like_a_wrong_password()
    {
        await using var lenient = new FacePortalFactory { Settings = new Dictionary<string, string> { ["FacePortal:SignIn:MaxFailuresPerAccount"] = "100" } };
        var users = lenient.Services.GetRequiredService<UserAdministration>();
        Assert.True((await users.CreateAsync("locky", FacePortalFactory.UserPassword, [Roles.User], "test")).Succeeded);
        using var client = lenient.CreateBrowserlessClient();
        for (var i = 0; i < AccountsRegistration.LockoutThreshold; i++)
        {
            using var failed = await FacePortalFactory.PostLoginAsync(client, "locky", "wrong-password");
        }

        using var right = await FacePortalFactory.PostLoginAsync(client, "locky", FacePortalFactory.UserPassword);
        using var unknown = await FacePortalFactory.PostLoginAsync(client, "nobody-at-all", FacePortalFactory.UserPassword);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(ErrorIn(await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), ErrorIn(await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Contains("The user name or password is not right.", ErrorIn(await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        Assert.True((await users.ListAsync(TestContext.Current.CancellationToken)).Single(u => u.UserName == "locky").IsLockedOut);

        var unlocked = await users.SetLockedAsync((await users.ListAsync(TestContext.Current.CancellationToken)).Single(u => u.UserName == "locky").Id, locked: false, actorId: "x", actor: "test");
        Assert.True(unlocked.Succeeded);
        using var client2 = await lenient.SignInAsync("locky", FacePortalFactory.UserPassword);
    }

    [Fact]
    public async Task One_address_is_throttled_before_it_can_lock_somebody_else_out()
    {
        await using var portal = new FacePortalFactory();
        var users = portal.Services.GetRequiredService<UserAdministration>();
        Assert.True((await users.CreateAsync("victim", FacePortalFactory.UserPassword, [Roles.User], "test")).Succeeded);
        using var stranger = portal.CreateBrowserlessClient();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await FacePortalFactory.PostLoginAsync(stranger, "victim", "guess-" + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var throttled = await FacePortalFactory.PostLoginAsync(stranger, "victim", "guess-6");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many failed sign-ins from your address.", await throttled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.False((await users.ListAsync(TestContext.Current.CancellationToken)).Single(u => u.UserName == "victim").IsLockedOut);
    }

    [Fact]
    public async Task An_unknown_user_costs_as_much_time_as_a_wrong_password()
    {
        await using var lenient = new FacePortalFactory { Settings = new Dictionary<string, string> { ["FacePortal:SignIn:MaxFailuresPerAccount"] = "1000", ["FacePortal:SignIn:MaxFailuresPerAddress"] = "1000" } };
        using var client = lenient.CreateBrowserlessClient();
        var wrong = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            unknown.Add(await TimedLoginAsync(client, "nobody-" + i));
            wrong.Add(await TimedLoginAsync(client, FacePortalFactory.AdminName));
        }

        // Without the decoy hash an unknown name answered about 30x faster (3.5 ms against 103 ms).
        Assert.True(Median(unknown) > 0.5 * Median(wrong), $"unknown user median {Median(unknown):F1} ms, wrong password median {Median(wrong):F1} ms");
    }

    [Fact]
    public async Task A_return_url_with_non_ascii_characters_signs_in_and_lands_there()
    {
        using var client = factory.CreateBrowserlessClient();

        using var response = await FacePortalFactory.PostLoginAsync(client, FacePortalFactory.AdminName, FacePortalFactory.AdminPassword, returnUrl: "%2Fpeople%3Fsearch%3DZo%C3%AB");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/people?search=Zo%C3%AB", response.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty, StringComparison.Ordinal));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(FacePortalFactory.AuthCookieName + "=", StringComparison.Ordinal));
    }

    // The sign-in page's GET is timed too; it costs the same on both paths.
    private static async Task<double> TimedLoginAsync(HttpClient client, string userName)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var response = await FacePortalFactory.PostLoginAsync(client, userName, "not-the-password");
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return elapsed;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string ErrorIn(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "id=\"login-error\"[^>]*>(?:<[^>]+>)*([^<]+)").Groups[1].Value.Trim();

    [Fact]
    public async Task Return_urls_stay_on_this_site()
    {
        using var client = factory.CreateBrowserlessClient();

        using var response = await FacePortalFactory.PostLoginAsync(client, FacePortalFactory.AdminName, FacePortalFactory.AdminPassword, returnUrl: "//evil.example/x");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_name_with_a_zero_width_space_is_refused()
    {
        var users = factory.Services.GetRequiredService<UserAdministration>();

        var change = await users.CreateAsync("ad\u200Bmin", FacePortalFactory.UserPassword, [Roles.User], "test");

        Assert.False(change.Succeeded);
        Assert.Equal("A user name cannot contain invisible or text-direction characters (U+200B).", change.Error);
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
