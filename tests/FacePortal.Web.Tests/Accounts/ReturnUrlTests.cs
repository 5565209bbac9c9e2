using System.Net;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Accounts;

/// <summary>Where a successful sign-in sends the browser: the return URL as the login form posts it, over real HTTP.</summary>
public sealed class ReturnUrlTests(FacePortalFactory factory) : IClassFixture<FacePortalFactory>
{
    /// <summary>
    /// Each passed the old check (it starts with one slash) and resolves to //evil.example, another
    /// host. As written in the query (so the app reads them decoded once) and escaped (so it reads them literally).
    /// </summary>
    public static TheoryData<string> ToAnotherHost =>
    [
        "/.//evil.example",
        "/..//evil.example",
        "/a/..//evil.example",
        "/%2e//evil.example",
        "/%2E%2E//evil.example",
        "/.\\/evil.example",
        "/%5C%5Cevil.example",
        Uri.EscapeDataString("/.//evil.example"),
        Uri.EscapeDataString("/%2e//evil.example"),
        Uri.EscapeDataString("/.\\/evil.example"),
        Uri.EscapeDataString("/a/..//evil.example"),
    ];

    [Theory]
    [MemberData(nameof(ToAnotherHost))]
    public async Task A_return_url_that_resolves_to_another_host_goes_home(string returnUrl)
    {
        var location = await SignInLandingAsync(returnUrl);

        Assert.Equal("localhost", location.Host);
        Assert.Equal("/", location.AbsolutePath);
    }

    [Theory]
    [InlineData("https://evil.example/", "/")]
    [InlineData("%2F%09%2Fevil.example", "/")]
    [InlineData("%2Fpeople%2F..%2F..%2F..%2Ftraining", "/training")]
    [InlineData("people%2F%2F..%2Ftraining", "/people/training")]
    public async Task Other_hosts_and_control_characters_go_home_and_dot_segments_are_resolved(string returnUrl, string expected)
    {
        var location = await SignInLandingAsync(returnUrl);

        Assert.Equal("localhost", location.Host);
        Assert.Equal(expected, location.AbsolutePath);
    }

    [Theory]
    [InlineData("%2F%C3%AB", "/%C3%AB")]
    [InlineData("/%C3%AB", "/%C3%AB")]
    [InlineData("%2F%EF%BC%8Fevil.example", "/%EF%BC%8Fevil.example")]
    [InlineData("%2Fpeople%3Fsearch%3D%F0%9F%98%80%20x", "/people?search=%F0%9F%98%80%20x")]
    public async Task Non_ascii_return_urls_sign_in_and_are_percent_encoded(string returnUrl, string expected)
    {
        using var client = factory.CreateBrowserlessClient();

        using var response = await FacePortalFactory.PostLoginAsync(client, FacePortalFactory.AdminName, FacePortalFactory.AdminPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty, StringComparison.Ordinal));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(FacePortalFactory.AuthCookieName + "=", StringComparison.Ordinal));
    }

    /// <summary>The Location a successful sign-in answers with, resolved as a browser resolves it against the login page.</summary>
    private async Task<Uri> SignInLandingAsync(string returnUrl)
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await FacePortalFactory.PostLoginAsync(client, FacePortalFactory.AdminName, FacePortalFactory.AdminPassword, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;

        // Nothing in the header a browser would read as the start of another authority.
        Assert.DoesNotContain("//evil", location, StringComparison.Ordinal);
        Assert.DoesNotContain('\\', location);
        return new Uri(new Uri("http://localhost/account/login"), location);
    }
}
