using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FacePortal.Web.Observability;

/// <summary>
/// Who may read /metrics: anyone on this machine (a loopback address, not through a proxy), or a caller with the configured
/// bearer token. Its own scheme and policy, so the sign-in cookie neither grants it (an Admin on another
/// machine gets no metrics without the token) nor turns a refusal into a redirect to the login page.
/// </summary>
public static class MetricsAccess
{
    public const string Policy = "metrics";
    public const string Scheme = "MetricsToken";

    public static AuthorizationPolicy BuildPolicy() => new AuthorizationPolicyBuilder(Scheme)
        .RequireAssertion(context => context.User.Identity is { IsAuthenticated: true, AuthenticationType: Scheme } || FromLoopback(context.Resource))
        .Build();

    /// <summary>
    /// True for a request made on this machine, not passed on by a proxy: a proxy on the same host
    /// connects from loopback on behalf of anyone. Forwarding headers mark it, whether the proxy is
    /// trusted (the middleware then leaves X-Original-For) or not (X-Forwarded-For is still there).
    /// </summary>
    internal static bool FromLoopback(object? resource) =>
        resource is HttpContext { Connection.RemoteIpAddress: { } address } context
        && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)
        && !Forwarded(context.Request.Headers);

    private static bool Forwarded(IHeaderDictionary headers) =>
        headers.ContainsKey("X-Forwarded-For") || headers.ContainsKey("X-Original-For") || headers.ContainsKey("Forwarded")
        || headers.ContainsKey("X-Real-IP");
}

/// <summary>Authenticates a scraper by <see cref="MetricsOptions.Token"/>; no token configured means nobody is.</summary>
public sealed class MetricsTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, MetricsOptions metrics)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers[HeaderNames.Authorization];
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var offered = header[BearerPrefix.Length..].Trim();
        if (metrics.Token is not { Length: > 0 } token || !SameSecret(offered, token))
        {
            return Task.FromResult(AuthenticateResult.Fail("The metrics token is not valid."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "metrics scraper")], MetricsAccess.Scheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), MetricsAccess.Scheme)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    /// <summary>Compares hashes in constant time, so neither the token's content nor its length leaks through timing.</summary>
    private static bool SameSecret(string offered, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(offered)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
