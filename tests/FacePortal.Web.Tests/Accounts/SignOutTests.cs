using System.Net;
using FacePortal.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FacePortal.Web.Tests.Accounts;

/// <summary>Signing out ends the session on the server, not only in the browser that asked.</summary>
public sealed class SignOutTests(FacePortalFactory factory) : IClassFixture<FacePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_copy_of_the_cookie_taken_before_sign_out_no_longer_works()
    {
        var auth = await factory.SignInCookieAsync();
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        // The copy works while the session is open.
        using var home = await GetAsync(browser, "/", auth);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var antiforgery = home.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var (header, token) = FacePortal.TestSupport.PortalSignIn.RequestTokenIn(await home.Content.ReadAsStringAsync(Ct));

        using var logout = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/logout", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        logout.Headers.Add("Cookie", $"{auth}; {antiforgery}");
        logout.Headers.Add(header, token);
        using var signedOut = await browser.SendAsync(logout, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        // The same cookie value, sent again by someone who kept it: a page asks for the login, the API refuses.
        using var page = await GetAsync(browser, "/", auth);
        using var api = await GetAsync(browser, "/api/v1/people", auth);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);

        // Signing in again works as before.
        using var again = await factory.SignInAsync();
        using var after = await again.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request, Ct);
    }
}
