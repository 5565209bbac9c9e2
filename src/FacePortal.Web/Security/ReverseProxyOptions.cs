using System.ComponentModel.DataAnnotations;
using System.Net;

namespace FacePortal.Web.Security;

/// <summary>
/// <c>FacePortal:ReverseProxy</c>: the proxies whose X-Forwarded-For and X-Forwarded-Proto headers are
/// believed. Nobody is by default: a client talking to the app directly could otherwise pick its own
/// address and so slip the sign-in throttle or pass for a loopback scraper of /metrics.
/// </summary>
public sealed class ReverseProxyOptions : IValidatableObject
{
    public const string Section = "FacePortal:ReverseProxy";

    /// <summary>Addresses of the proxies in front of the app (<c>10.0.0.5</c>, <c>::1</c>).</summary>
    public IList<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation (<c>10.0.0.0/24</c>), when their addresses change.</summary>
    public IList<string> KnownNetworks { get; set; } = [];

    /// <summary>Whether any proxy is trusted, so the forwarded headers are read at all.</summary>
    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IReadOnlyList<IPAddress> ProxyAddresses() => [.. KnownProxies.Select(p => IPAddress.Parse(p.Trim()))];

    public IReadOnlyList<System.Net.IPNetwork> ProxyNetworks() => [.. KnownNetworks.Select(n => System.Net.IPNetwork.Parse(n.Trim()))];

    /// <summary>
    /// Adds the entries of a single value (<c>FacePortal__ReverseProxy__KnownProxies="10.0.0.5,10.0.0.6"</c>),
    /// which the configuration binder would otherwise drop without a word.
    /// </summary>
    public void AddListed(string? proxies, string? networks)
    {
        foreach (var proxy in Split(proxies))
        {
            KnownProxies.Add(proxy);
        }

        foreach (var network in Split(networks))
        {
            KnownNetworks.Add(network);
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p?.Trim(), out _)))
        {
            yield return new ValidationResult(
                $"has '{proxy}', which is not an IP address (write one address per entry, such as 10.0.0.5 or ::1).", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IsNetwork(n)))
        {
            yield return new ValidationResult(
                $"has '{network}', which is not a network in CIDR notation (an address and a prefix length with no bits set past it, such as 10.0.0.0/24).",
                [nameof(KnownNetworks)]);
        }
    }

    // IPNetwork.TryParse takes "10.0.0.1/8" as 10.0.0.0/8: a typo for "10.0.0.1/32" would trust a whole network.
    private static bool IsNetwork(string? text) =>
        System.Net.IPNetwork.TryParse(text?.Trim(), out var network)
        && IPAddress.TryParse(text!.Trim().Split('/')[0], out var written)
        && written.Equals(network.BaseAddress);

    private static IEnumerable<string> Split(string? value) =>
        (value ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
