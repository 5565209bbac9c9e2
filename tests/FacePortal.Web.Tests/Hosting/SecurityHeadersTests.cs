using System.Net;
using FacePortal.Web.Security;
using FacePortal.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace FacePortal.Web.Tests.Hosting;

/// <summary>The browser-side protections on pages, API answers and the Hangfire dashboard (issue 15, item 9).</summary>
public sealed class SecurityHeadersTests(FacePortalFactory factory) : IClassFixture<FacePortalFactory>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/")]
    [InlineData("/people")]
    [InlineData("/live")]
    [InlineData("/no-such-page")]
    public async Task Pages_carry_the_policy_once_and_the_other_headers(string path)
    {
        using var admin = await factory.SignInAsync();

        using var response = await admin.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.Policy, policy);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task The_api_reference_page_runs_only_its_own_inline_script_by_a_fresh_nonce()
    {
        using var admin = await factory.SignInAsync();

        var (firstPolicy, firstPage) = await ReferencePageAsync(admin);
        var (secondPolicy, _) = await ReferencePageAsync(admin);

        var scriptSources = firstPolicy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scriptSources, StringComparison.Ordinal);
        var nonce = System.Text.RegularExpressions.Regex.Match(firstPolicy, "script-src 'self' 'nonce-([^']+)';").Groups[1].Value;
        Assert.True(nonce.Length >= 16, $"no nonce of some length in '{firstPolicy}'");
        Assert.NotEqual(firstPolicy, secondPolicy);
        Assert.Equal(SecurityHeaders.ReferencePagePolicy(nonce), firstPolicy);

        // Every script tag of the page carries the nonce, the inline one that starts Scalar included.
        var scripts = System.Text.RegularExpressions.Regex.Matches(firstPage, "<script[^>]*>");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Contains($"nonce=\"{nonce}\"", tag.Value, StringComparison.Ordinal));
    }

    private static async Task<(string Policy, string Page)> ReferencePageAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync(new Uri("/scalar/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response);
        return (Assert.Single(response.Headers.GetValues("Content-Security-Policy")),
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/api/v1/people")]
    [InlineData("/api/v1/training")]
    [InlineData("/api/v1/models")]
    [InlineData("/api/v1/people/00000000-0000-0000-0000-000000000001")]
    public async Task Api_answers_are_never_cached(string path)
    {
        using var admin = await factory.SignInAsync();

        using var response = await admin.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} answered {response.StatusCode} with Cache-Control '{response.Headers.CacheControl}'");
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task Photos_crops_and_refusals_are_never_cached_either()
    {
        using var admin = await factory.SignInAsync();
        var person = await ApiJson.CreatePersonAsync(admin, "Uncached Face");
        var enrolled = await ApiJson.UploadAsync(admin, person, ("img1.jpg", TestPhotos.DeepFace("img1.jpg")));
        using var anonymous = factory.CreateBrowserlessClient();

        using var crop = await admin.GetAsync(new Uri($"/api/v1/faces/{enrolled[0].FaceId}/crop", UriKind.Relative), TestContext.Current.CancellationToken);
        using var refused = await anonymous.GetAsync(new Uri("/api/v1/people", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, crop.StatusCode);
        Assert.True(crop.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(refused.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Static_assets_stay_cacheable()
    {
        using var client = factory.CreateBrowserlessClient();

        using var response = await client.GetAsync(new Uri("/css/app.css", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task The_hangfire_dashboard_carries_the_policy_and_cannot_be_framed_by_others()
    {
        using var admin = await factory.SignInAsync();

        using var response = await admin.GetAsync(new Uri("/hangfire", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.Policy, policy);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task Over_plain_http_there_is_no_hsts_no_redirect_and_no_secure_only_cookie()
    {
        using var client = factory.CreateBrowserlessClient();

        using var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain(response.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task With_https_configured_http_redirects_and_https_answers_carry_hsts_and_secure_cookies()
    {
        await using var https = new FacePortalFactory
        {
            Settings = new Dictionary<string, string> { ["urls"] = "http://+:8080;https://+:8443", ["https_port"] = "8443" },
        };
        using var plain = https.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://faceportal.test/"), AllowAutoRedirect = false });
        using var secure = https.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://faceportal.test/"), AllowAutoRedirect = false });

        using var redirected = await plain.GetAsync(new Uri("/account/login?x=1", UriKind.Relative), TestContext.Current.CancellationToken);
        using var page = await secure.GetAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal(new Uri("https://faceportal.test:8443/account/login?x=1"), redirected.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var antiforgeryCookie = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgeryCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Https_is_configured_by_an_https_url_a_kestrel_endpoint_or_an_https_port()
    {
        static bool Configured(params (string Key, string Value)[] settings) => SecurityHeaders.HttpsConfigured(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

        Assert.False(Configured());
        Assert.False(Configured(("urls", "http://127.0.0.1:5080")));
        Assert.True(Configured(("urls", "http://127.0.0.1:5080; https://0.0.0.0:5443")));
        Assert.True(Configured(("Kestrel:Endpoints:Secure:Url", "https://*:443")));
        Assert.False(Configured(("Kestrel:Endpoints:Plain:Url", "http://*:80")));
        Assert.True(Configured(("https_ports", "443")));
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("SAMEORIGIN", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }
}
