using System.Net;
using FacePortal.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Accounts;

/// <summary>Anonymous callers and the User role are refused by every admin page, endpoint and hub.</summary>
public sealed class AuthorizationTests(FacePortalFactory factory) : IClassFixture<FacePortalFactory>
{
    private static readonly string Id = Guid.NewGuid().ToString();

    public static TheoryData<string, string> AdminEndpoints { get; } = new()
    {
        { "GET", "/api/v1/people" },
        { "POST", "/api/v1/people" },
        { "GET", $"/api/v1/people/{Id}" },
        { "PUT", $"/api/v1/people/{Id}" },
        { "DELETE", $"/api/v1/people/{Id}" },
        { "POST", $"/api/v1/people/{Id}/photos" },
        { "DELETE", $"/api/v1/photos/{Id}" },
        { "DELETE", $"/api/v1/faces/{Id}" },
        { "GET", $"/api/v1/photos/{Id}/file" },
        { "GET", $"/api/v1/photos/{Id}/thumbnail" },
        { "GET", $"/api/v1/faces/{Id}/crop" },
        { "GET", "/api/v1/export" },
        { "GET", $"/api/v1/people/{Id}/export" },
        { "POST", "/api/v1/import" },
        { "POST", "/api/v1/training" },
        { "GET", "/api/v1/training" },
        { "GET", $"/api/v1/training/{Id}" },
        { "POST", $"/api/v1/training/{Id}/cancel" },
        { "GET", "/api/v1/models" },
        { "GET", $"/api/v1/models/{Id}/file" },
    };

    public static TheoryData<string> AdminPages { get; } = new() { "/people", $"/people/{Id}", "/users", "/audit", "/import", "/health", "/settings/recognition" };

    public static TheoryData<string> RecognitionPages { get; } = new() { "/live", "/test-photo", "/verify" };

    [Theory]
    [MemberData(nameof(RecognitionPages))]
    public async Task Recognition_pages_send_anonymous_visitors_to_the_login_page_and_open_for_users(string path)
    {
        using var anonymous = factory.CreateBrowserlessClient();
        using var user = await factory.SignInAsUserAsync();

        using var refused = await anonymous.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        using var allowed = await user.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/login", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task Anonymous_api_calls_get_401(string method, string path)
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.SendAsync(Request(method, path), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task User_role_api_calls_get_403(string method, string path)
    {
        using var client = await factory.SignInAsUserAsync();
        using var response = await client.SendAsync(Request(method, path), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Anonymous_page_requests_go_to_the_login_page(string path)
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task User_role_page_requests_are_denied(string path)
    {
        using var client = await factory.SignInAsUserAsync();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_reach_the_home_page_and_admins_reach_admin_pages()
    {
        using var user = await factory.SignInAsUserAsync();
        using var admin = await factory.SignInAsync();

        using var home = await user.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        using var people = await admin.GetAsync(new Uri("/people", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Welcome, tester", await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, people.StatusCode);
    }

    [Fact]
    public async Task The_hangfire_dashboard_is_for_admins_only()
    {
        using var anonymous = factory.CreateBrowserlessClient();
        using var user = await factory.SignInAsUserAsync();
        using var admin = await factory.SignInAsync();

        using var visitor = await anonymous.GetAsync(new Uri("/hangfire", UriKind.Relative), TestContext.Current.CancellationToken);
        using var refused = await user.GetAsync(new Uri("/hangfire", UriKind.Relative), TestContext.Current.CancellationToken);
        using var allowed = await admin.GetAsync(new Uri("/hangfire", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.StartsWith("/account/login", visitor.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("FacePortal jobs", await allowed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_blazor_hub_refuses_anonymous_connections()
    {
        using var client = factory.CreateBrowserlessClient();
        using var response = await client.PostAsync(new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative), null, TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Only_the_sign_in_pages_error_page_health_probe_and_static_assets_allow_anonymous_callers()
    {
        using var client = factory.CreateClient();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var anonymous = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText ?? string.Empty)
            .Where(p => !IsStaticAsset(p))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        // The error page too: it must render for whoever hit the error, and shows no data.
        Assert.Equal(["/account/denied", "/account/login", "/error", "/healthz"], anonymous);

        // Everything else carries a policy or falls under the fallback policy (signed-in users only).
        var fallback = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value.FallbackPolicy;
        Assert.NotNull(fallback);
        Assert.Contains(fallback!.Requirements, r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);
    }

    private static bool IsStaticAsset(string pattern) =>
        pattern.StartsWith("_content/", StringComparison.Ordinal) || pattern.StartsWith("_framework/", StringComparison.Ordinal)
        || Path.HasExtension(pattern.Split('/').Last());

    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method is "POST" or "PUT")
        {
            request.Content = new ByteArrayContent([1, 2, 3]);
        }

        return request;
    }
}
