using Microsoft.AspNetCore.HttpOverrides;

namespace FacePortal.Web.Security;

/// <summary>
/// The forwarded headers middleware, for the proxies <see cref="ReverseProxyOptions"/> names and no
/// others: behind them, the connection's address (used by the sign-in throttle, /metrics' loopback
/// rule, logs) and scheme become the client's. X-Forwarded-Host is not read: the proxy passes the
/// client's Host header on (docs/reverse-proxy.md), so a client cannot choose the host the app believes.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddPortalReverseProxy(this IServiceCollection services)
    {
        services.AddValidatedOptions<ReverseProxyOptions>(ReverseProxyOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
            {
                var section = configuration.GetSection(ReverseProxyOptions.Section);
                options.AddListed(
                    section[nameof(ReverseProxyOptions.KnownProxies)],
                    section[nameof(ReverseProxyOptions.KnownNetworks)]);
            });

        services.AddOptions<ForwardedHeadersOptions>().Configure<ReverseProxyOptions>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // The defaults trust loopback; here only what the operator named is trusted.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();

            // Several proxies in a row are walked back while each hop is a known proxy; the first
            // address that is not one is the client, whatever it wrote further left in the header.
            forwarded.ForwardLimit = null;
            if (!proxies.Enabled)
            {
                return;
            }

            foreach (var address in proxies.ProxyAddresses())
            {
                forwarded.KnownProxies.Add(address);
            }

            foreach (var network in proxies.ProxyNetworks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so the HTTPS redirect, HSTS and everything after see the client's address and scheme.</summary>
    public static IApplicationBuilder UseReverseProxyHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<ReverseProxyOptions>().Enabled ? app.UseForwardedHeaders() : app;
    }
}
