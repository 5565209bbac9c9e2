using System.Net;
using FacePortal.TestSupport;
using FacePortal.Web.Tests.Observability;
using FacePortal.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace FacePortal.Web.Tests.Hosting;

/// <summary>
/// The app behind a reverse proxy: requests arrive from the proxy's address (set on the connection as
/// Kestrel would, by <see cref="PeerAddress"/>) carrying X-Forwarded-For, from a configured proxy and
/// from one nobody configured.
/// </summary>
public sealed class ReverseProxyTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.20.0.2");
    private static readonly IPAddress Attacker = IPAddress.Parse("198.51.100.66");
    private static readonly IPAddress Colleague = IPAddress.Parse("198.51.100.77");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Behind_a_configured_proxy_one_clients_failures_do_not_refuse_another_clients_sign_in()
    {
        await using var portal = ProxiedPortal(new() { ["FacePortal:ReverseProxy:KnownProxies:0"] = Proxy.ToString() });
        using var attacker = Client(portal, Proxy, forwardedFor: Attacker);
        for (var i = 0; i < 5; i++)
        {
            using var failed = await FacePortalFactory.PostLoginAsync(attacker, FacePortalFactory.AdminName, "guess-" + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var throttled = await FacePortalFactory.PostLoginAsync(attacker, FacePortalFactory.AdminName, FacePortalFactory.AdminPassword);
        using var colleague = Client(portal, Proxy, forwardedFor: Colleague);
        using var signedIn = await FacePortalFactory.PostLoginAsync(colleague, FacePortalFactory.AdminName, FacePortalFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task The_proxy_list_may_be_one_comma_separated_value_and_networks_are_cidr()
    {
        await using var portal = ProxiedPortal(new()
        {
            ["FacePortal:ReverseProxy:KnownProxies"] = "192.0.2.1, 10.20.0.2",
            ["FacePortal:ReverseProxy:KnownNetworks:0"] = "172.16.0.0/12",
        });
        foreach (var proxy in new[] { Proxy, IPAddress.Parse("172.20.1.9") })
        {
            using var attacker = Client(portal, proxy, forwardedFor: IPAddress.Parse("203.0.113." + proxy.GetAddressBytes()[3]));
            for (var i = 0; i < 5; i++)
            {
                using var failed = await FacePortalFactory.PostLoginAsync(attacker, FacePortalFactory.AdminName, "guess-" + i);
            }

            using var colleague = Client(portal, proxy, forwardedFor: Colleague);
            using var signedIn = await FacePortalFactory.PostLoginAsync(colleague, FacePortalFactory.AdminName, FacePortalFactory.AdminPassword);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unconfigured_proxy_are_not_believed()
    {
        await using var portal = ProxiedPortal([]);

        // Each attempt claims another client address; all of them count against the peer that sent them.
        for (var i = 0; i < 5; i++)
        {
            using var spoofing = Client(portal, Proxy, forwardedFor: IPAddress.Parse("203.0.113." + (10 + i)));
            using var failed = await FacePortalFactory.PostLoginAsync(spoofing, FacePortalFactory.AdminName, "guess-" + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var another = Client(portal, Proxy, forwardedFor: Colleague);
        using var throttled = await FacePortalFactory.PostLoginAsync(another, FacePortalFactory.AdminName, FacePortalFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
    }

    [Fact]
    public async Task Metrics_forwarded_by_a_proxy_on_this_machine_are_not_loopback_whether_or_not_it_is_configured()
    {
        await using var configured = ProxiedPortal(new() { ["FacePortal:ReverseProxy:KnownProxies:0"] = "127.0.0.1" });
        await using var unconfigured = ProxiedPortal([]);
        foreach (var portal in new[] { configured, unconfigured })
        {
            using var local = Client(portal, IPAddress.Loopback, forwardedFor: null);
            using var direct = await local.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, direct.StatusCode);

            // A client on the internet, and one on this machine going through the proxy all the same.
            foreach (var client in new[] { Attacker, IPAddress.Loopback })
            {
                using var proxied = Client(portal, IPAddress.Loopback, forwardedFor: client);
                using var scrape = await proxied.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
                Assert.Equal(HttpStatusCode.Unauthorized, scrape.StatusCode);
            }
        }
    }

    [Fact]
    public async Task A_proxy_that_is_not_an_address_or_network_stops_start_up_naming_it()
    {
        var (exitCode, _, error) = await PortalServer.RunUntilExitAsync(
            new Dictionary<string, string>
            {
                ["FacePortal__ReverseProxy__KnownProxies__0"] = "10.0.0.300",
                ["FacePortal__ReverseProxy__KnownNetworks__0"] = "10.0.0.1/8",
            },
            TimeSpan.FromSeconds(60),
            Ct);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("FacePortal:ReverseProxy:KnownProxies has '10.0.0.300', which is not an IP address", line, StringComparison.Ordinal);
        Assert.Contains("FacePortal:ReverseProxy:KnownNetworks has '10.0.0.1/8', which is not a network in CIDR notation", line, StringComparison.Ordinal);
    }

    private static FacePortalFactory ProxiedPortal(Dictionary<string, string> settings) => new()
    {
        Settings = new Dictionary<string, string>(settings) { ["FacePortal:Metrics:Token"] = "metrics-token-for-the-proxy-tests-0123" },
        StartupFilters = [PeerAddress.FromHeader],
    };

    /// <summary>A browser-like client (cookies, no redirects) whose requests come from <paramref name="peer"/>, saying they are for <paramref name="forwardedFor"/>.</summary>
    private static HttpClient Client(FacePortalFactory portal, IPAddress peer, IPAddress? forwardedFor) =>
        portal.CreateDefaultClient(new CookieContainerHandler(), new ForwardingHandler(peer, forwardedFor));

    private sealed class ForwardingHandler(IPAddress peer, IPAddress? forwardedFor) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.From(peer);
            if (forwardedFor is not null)
            {
                request.Headers.Add("X-Forwarded-For", forwardedFor.ToString());
                request.Headers.Add("X-Forwarded-Proto", "http");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
