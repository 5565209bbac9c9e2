namespace FacePortal.Web.Security;

/// <summary>
/// Refuses a browser's connection to the live hub or the Blazor circuit from a page of another
/// origin. A WebSocket handshake carries the sign-in cookie even from another port of the same host
/// (SameSite does not separate ports) and cannot carry the antiforgery header, so without this a
/// page elsewhere could stream photos through a signed-in admin's session and read the names back.
/// Browsers always send Origin on these requests; programs that send none are judged by their credentials alone.
/// </summary>
public static class SameOriginSockets
{
    public static IApplicationBuilder UseSameOriginSockets(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if ((path.StartsWithSegments("/hubs") || path.StartsWithSegments("/_blazor"))
                && context.Request.Headers.Origin is [{ } origin]
                && !SameAuthority(origin, context.Request.Host))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context);
        });

    // Authorities, not schemes: behind a proxy that ends TLS the page is https and the request here http.
    internal static bool SameAuthority(string origin, HostString host) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, host.Value, StringComparison.OrdinalIgnoreCase);
}
