using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FacePortal.Web.Applications;

/// <summary>
/// Signs a request in as an application from its <c>X-Api-Key</c> header (<see cref="ApplicationKeys.AuthenticateAsync"/>);
/// header names ignore case, so CompreFace clients' <c>x-api-key</c> is the same header.
/// Its identities have their own authentication type, so <see cref="Hosting.ApiAntiforgery"/> asks them
/// for no token: a key is no ambient credential another site's page could borrow.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApplicationKeys keys, ApplicationKeyUsage usage)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var checkedKey = await keys.AuthenticateAsync(values.ToString(), Context.RequestAborted);
        if (!checkedKey.Succeeded)
        {
            return AuthenticateResult.Fail(checkedKey.Error);
        }

        var application = checkedKey.Value;
        usage.Used(application.Id);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, application.Id.ToString()),
            new(ClaimTypes.Name, application.ActorName),
            new(ApiKeyDefaults.PrefixClaim, application.Prefix),
            .. ScopeNames.NamesOf(application.Scopes).Select(s => new Claim(ApiKeyDefaults.ScopeClaim, s)),
            .. application.Galleries.Select(g => new Claim(ApiKeyDefaults.GalleryClaim, g.ToString())),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyDefaults.Scheme));
    }

    /// <summary>401 with the reason in a sentence: no key, an unknown one, a revoked or an expired one.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.Scheme} header=\"{ApiKeyDefaults.HeaderName}\"";
        var detail = result.Failure?.Message ?? $"Send an application key in the {ApiKeyDefaults.HeaderName} header. An administrator creates keys on the Applications page.";
        await Results.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Application key required", extensions: ExtensionsFor(StatusCodes.Status401Unauthorized, detail))
            .ExecuteAsync(Context);
    }

    /// <summary>403 naming the scope the endpoint needs and the ones the key has.</summary>
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var user = Context.User;
        if (ApiKeyPrincipal.KeyId(user) is { } id)
        {
            usage.Forbidden(id);
        }

        var metadata = Context.GetEndpoint()?.Metadata;
        var needed = metadata?.GetMetadata<RequiredScope>()?.Name;
        var held = string.Join(", ", user.FindAll(ApiKeyDefaults.ScopeClaim).Select(c => c.Value));
        var detail = needed is not null
            ? $"This application key lacks the '{needed}' scope; it holds: {(held.Length == 0 ? "none" : held)}. An administrator can create a key with that scope."
            : metadata?.GetMetadata<SignedInAdminOnly>() is not null
                ? "This operation is for signed-in administrators; application keys cannot use it."
                : "This application key may not use this endpoint.";
        await Results.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Scope not granted", extensions: ExtensionsFor(StatusCodes.Status403Forbidden, detail))
            .ExecuteAsync(Context);
    }

    /// <summary>Members an endpoint adds to the refusal's problem details (the CompreFace-compatible API's message and code).</summary>
    private IDictionary<string, object?>? ExtensionsFor(int status, string detail) =>
        Context.GetEndpoint()?.Metadata.GetMetadata<KeyRefusalExtensions>()?.For(status, detail);
}

/// <summary>The key scheme's names: its scheme, header and claims.</summary>
public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";

    /// <summary>The integration API's scheme: the key when the request carries one, otherwise the sign-in cookie.</summary>
    public const string KeyOrCookieScheme = "ApiKeyOrCookie";

    public const string HeaderName = "X-Api-Key";
    public const string ScopeClaim = "scope";
    public const string PrefixClaim = "key_prefix";

    /// <summary>One per gallery the key is bound to (<see cref="Galleries.GalleryAccess"/> reads them).</summary>
    public const string GalleryClaim = "gallery";
}

/// <summary>
/// Endpoint metadata: extra members for the 401/403 problem details of this endpoint, from the status and the
/// detail sentence; an API that speaks another error shape besides problem details sets it.
/// </summary>
public sealed record KeyRefusalExtensions(Func<int, string, IDictionary<string, object?>> For);

/// <summary>Endpoint metadata: the scope an endpoint needs, for the 403 message and the OpenAPI document.</summary>
public sealed record RequiredScope(string Name);

/// <summary>What a principal signed in with a key says about that key.</summary>
public static class ApiKeyPrincipal
{
    public static bool IsApplication(ClaimsPrincipal user) =>
        user?.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == ApiKeyDefaults.Scheme) == true;

    public static Guid? KeyId(ClaimsPrincipal user) =>
        IsApplication(user) && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static bool HasScope(ClaimsPrincipal user, string scope) =>
        IsApplication(user) && user.HasClaim(ApiKeyDefaults.ScopeClaim, scope);
}
