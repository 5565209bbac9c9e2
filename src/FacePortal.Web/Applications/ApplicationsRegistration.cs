using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace FacePortal.Web.Applications;

/// <summary>Application keys: their authentication scheme, per-scope policies, per-key rate limit and usage bookkeeping.</summary>
public static class ApplicationsRegistration
{
    public static IServiceCollection AddApplicationKeys(this IServiceCollection services)
    {
        services.AddValidatedOptions<ApiKeyOptions>(ApiKeyOptions.Section);
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyDefaults.Scheme, null)
            .AddPolicyScheme(ApiKeyDefaults.KeyOrCookieScheme, null, o => o.ForwardDefaultSelector = SchemeFor);
        services.AddAuthorizationBuilder().AddApiPolicies();
        services.AddRateLimiter(o => o.AddPolicy<string, ApiKeyRateLimit>(ApiKeyRateLimit.Policy));
        services.AddHostedService<KeyUsageFlusher>();
        return services;
    }

    /// <summary>
    /// The key when one is sent; the cookie when it is there instead; otherwise the key scheme, whose
    /// 401 tells the caller how to authenticate.
    /// </summary>
    private static string SchemeFor(HttpContext context)
    {
        if (context.Request.Headers.ContainsKey(ApiKeyDefaults.HeaderName))
        {
            return ApiKeyDefaults.Scheme;
        }

        var cookie = context.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie.Name;
        return cookie is not null && context.Request.Cookies.ContainsKey(cookie) ? IdentityConstants.ApplicationScheme : ApiKeyDefaults.Scheme;
    }
}
