using Microsoft.AspNetCore.Authorization;

namespace FacePortal.Web.Applications;

/// <summary>
/// The one API's authorization: every <c>/api/v1</c> operation is met either by an application key
/// holding the operation's scope or by a signed-in account in the role that may do the same on the
/// pages (recognition for users and admins, people for admins), through <see cref="ApiKeyDefaults.KeyOrCookieScheme"/>.
/// Operations no key scope covers (training, models, export and import, keys themselves) are for signed-in admins only.
/// </summary>
public static class ApiPolicies
{
    /// <summary>Any valid key, or a signed-in admin: the API's contract (OpenAPI document).</summary>
    public const string AnyApplication = "api:any";

    /// <summary>A signed-in admin; application keys are refused (403).</summary>
    public const string SignedInAdmin = "api:admin";

    public static string For(string scope) => $"api:{scope}";

    public static AuthorizationBuilder AddApiPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPolicy(AnyApplication, p => p
            .AddAuthenticationSchemes(ApiKeyDefaults.KeyOrCookieScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => ApiKeyPrincipal.IsApplication(c.User) || c.User.IsInRole(Roles.Admin)));
        builder.AddPolicy(SignedInAdmin, p => p
            .AddAuthenticationSchemes(ApiKeyDefaults.KeyOrCookieScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => !ApiKeyPrincipal.IsApplication(c.User) && c.User.IsInRole(Roles.Admin)));
        foreach (var (_, scope) in ScopeNames.All)
        {
            builder.AddPolicy(For(scope), p => p
                .AddAuthenticationSchemes(ApiKeyDefaults.KeyOrCookieScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(c => ApiKeyPrincipal.IsApplication(c.User) ? ApiKeyPrincipal.HasScope(c.User, scope) : RoleMayUse(c.User, scope)));
        }

        return builder;
    }

    /// <summary>Requires <paramref name="scope"/> (or the matching role) and records it for the 403 message and the OpenAPI document.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(For(scope)).WithMetadata(new RequiredScope(scope));

    /// <summary>Requires a signed-in admin; a key is answered 403 with that sentence.</summary>
    public static TBuilder RequireSignedInAdmin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(SignedInAdmin).WithMetadata(SignedInAdminOnly.Instance);

    /// <summary>What a signed-in account may do of what a scope lets a key do: the pages' own rule (users test recognition, admins manage people).</summary>
    private static bool RoleMayUse(ClaimsPrincipal user, string scope) => scope switch
    {
        ScopeNames.Detect or ScopeNames.Recognize or ScopeNames.Verify => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.User),
        _ => user.IsInRole(Roles.Admin),
    };
}

/// <summary>Endpoint metadata: an operation for signed-in admins only, for the 403 message and the OpenAPI document.</summary>
public sealed class SignedInAdminOnly
{
    public static readonly SignedInAdminOnly Instance = new();
}
