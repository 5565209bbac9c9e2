using Microsoft.Net.Http.Headers;
using Scalar.AspNetCore;

namespace FacePortal.Web.Security;

/// <summary>
/// The browser-side protections every response carries, the Hangfire dashboard's included: a Content
/// Security Policy, no MIME sniffing, no referrer outside our origin, no framing by other sites, and
/// API answers (people's names, faces, photos) kept out of every cache. Set as the response starts,
/// so error pages get them too and an endpoint that chose its own Cache-Control keeps it.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// Blazor Server, MudBlazor and Hangfire's dashboard (1.8 writes no inline script) run on this,
    /// as the browser tests check page by page: scripts only from our origin (no inline script, no eval);
    /// MudBlazor positions popovers and sizes components with inline style attributes, hence
    /// <c>'unsafe-inline'</c> for styles only. <c>connect-src 'self'</c> covers the circuit's and the live
    /// hub's WebSockets (CSP3 lets 'self' match ws:/wss: on the same host). The camera is shown through
    /// <c>srcObject</c>; <c>blob:</c> and <c>mediastream:</c> are for browsers that still route it through a URL.
    /// </summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "media-src 'self' blob: mediastream:; connect-src 'self'; font-src 'self' data:; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>
    /// The API reference page (Scalar, admins only) starts itself with one inline module script that
    /// carries its settings, and Scalar offers no way to move it into a file. So that page alone runs that
    /// one script, by a nonce Scalar draws fresh for each response and writes on its own script tags: no
    /// other inline script (an injected one included) runs there, and no page allows 'unsafe-inline'.
    /// </summary>
    public static string ReferencePagePolicy(string nonce) =>
        Policy.Replace("script-src 'self';", $"script-src 'self' 'nonce-{nonce}';", StringComparison.Ordinal);

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>
    /// True when the app listens on HTTPS (an https URL in ASPNETCORE_URLS / --urls or a Kestrel
    /// endpoint, or an HTTPS port): only then do HSTS and the redirect to HTTPS point at something.
    /// </summary>
    public static bool HttpsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        static bool IsHttps(string? url) => url?.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;
        return (configuration["urls"] ?? string.Empty).Split(';').Any(IsHttps)
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(e => IsHttps(e["Url"]))
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || !string.IsNullOrWhiteSpace(configuration["https_port"]);
    }

    private static void Apply(HttpContext context)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Items[ScalarOptions.NonceHttpContextItemKey] is string { Length: > 0 } nonce
            && request.Path.StartsWithSegments(ApiDocument.ReferencePath)
            ? ReferencePagePolicy(nonce)
            : Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "SAMEORIGIN";
        headers["Referrer-Policy"] = "same-origin";
        if (request.Path.StartsWithSegments("/api") && !headers.ContainsKey(HeaderNames.CacheControl))
        {
            headers.CacheControl = "no-store";
        }
    }
}
