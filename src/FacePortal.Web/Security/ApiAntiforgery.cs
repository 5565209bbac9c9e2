using Microsoft.AspNetCore.Antiforgery;

namespace FacePortal.Web.Security;

/// <summary>
/// Every API request that could change something and is signed in by the cookie must carry the
/// antiforgery token in <see cref="HeaderName"/>. SameSite=Strict alone lets a page on another port
/// of the same host, or a sibling subdomain, post with the cookie; that page cannot read our pages,
/// so it cannot learn the token, and it cannot add a header to a cross-origin request without a CORS
/// preflight that we never grant. Callers signed in some other way (API keys) carry no ambient
/// credential a stranger's page could borrow, so they are not asked for it.
/// </summary>
public sealed class ApiAntiforgery(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string HeaderName = "X-CSRF-TOKEN";

    /// <summary>The <c>&lt;meta&gt;</c> every page carries the token in, with the header to send it in as <c>data-header</c>.</summary>
    public const string MetaName = "csrf-token";

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsApiWrite(context.Request) && SignedInByCookie(context) && !await CarriesTokenAsync(context))
        {
            await Refused().ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>For form posts outside the API (sign-out): the token from the form field or the header.</summary>
    public static async Task<ProblemHttpResult?> RefuseUnlessValidAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        return await antiforgery.IsRequestValidAsync(context) ? null : Refused();
    }

    private static bool IsApiWrite(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));

    /// <summary>The identity the sign-in cookie carries; an API-key scheme will add identities of its own type.</summary>
    private static bool SignedInByCookie(HttpContext context) =>
        context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme);

    /// <summary>
    /// Only the header is read: without it the antiforgery service would fall back to reading the
    /// whole form, buffering a large upload before the endpoint's own limits could refuse it.
    /// </summary>
    private async Task<bool> CarriesTokenAsync(HttpContext context) =>
        context.Request.Headers.ContainsKey(HeaderName) && await antiforgery.IsRequestValidAsync(context);

    private static ProblemHttpResult Refused() => TypedResults.Problem(
        $"The request did not carry a valid antiforgery token. FacePortal's pages send it in the {HeaderName} header; "
        + "a request from another site, or from another port of this host, cannot.",
        statusCode: StatusCodes.Status400BadRequest,
        title: "Missing or invalid antiforgery token");
}
