using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FacePortal.Web.Observability;

/// <summary>
/// Who may read /metrics: anyone on this machine (a loopback address), or a caller with the configured
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

    /// <summary>True for a request whose peer is on this machine; behind a proxy the peer is the proxy, which is not.</summary>
    internal static bool FromLoopback(object? resource) =>
        resource is HttpContext { Connection.RemoteIpAddress: { } address }
        && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
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
