using FacePortal.Core.Applications;
using FacePortal.Web.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace FacePortal.Web.Applications;

/// <summary>
/// The integration API's authorization policies: one per scope, met by a key holding that scope or
/// by a signed-in admin (who may do all of it on the pages anyway), through <see cref="ApiKeyDefaults.KeyOrCookieScheme"/>.
/// </summary>
public static class ApiPolicies
{
    /// <summary>Any valid key, or a signed-in admin: the API's contract (OpenAPI document).</summary>
    public const string AnyApplication = "api:any";

    public static string For(string scope) => $"api:{scope}";

    public static AuthorizationBuilder AddApiPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPolicy(AnyApplication, p => p
            .AddAuthenticationSchemes(ApiKeyDefaults.KeyOrCookieScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => ApiKeyPrincipal.IsApplication(c.User) || c.User.IsInRole(Roles.Admin)));
        foreach (var (_, scope) in ScopeNames.All)
        {
            builder.AddPolicy(For(scope), p => p
                .AddAuthenticationSchemes(ApiKeyDefaults.KeyOrCookieScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(c => ApiKeyPrincipal.HasScope(c.User, scope) || (!ApiKeyPrincipal.IsApplication(c.User) && c.User.IsInRole(Roles.Admin))));
        }

        return builder;
    }

    /// <summary>Requires <paramref name="scope"/> and records it for the 403 message and the OpenAPI document.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(For(scope)).WithMetadata(new RequiredScope(scope));
}
