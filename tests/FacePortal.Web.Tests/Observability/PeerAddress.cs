using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace FacePortal.Web.Tests.Observability;

/// <summary>
/// TestServer has no network peer; this puts the address a test names (in <see cref="Header"/>) on the
/// connection before the app sees the request, as Kestrel would for a caller at that address.
/// </summary>
public static class PeerAddress
{
    public const string Header = "X-Test-Peer-Address";

    public static readonly IPAddress Remote = IPAddress.Parse("203.0.113.7");

    /// <summary>Takes the connection's peer address from <see cref="Header"/>, as Kestrel would set it for a caller at that address.</summary>
    public static IStartupFilter FromHeader { get; } = new PeerAddressFilter();

    public static HttpRequestMessage From(this HttpRequestMessage request, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Add(Header, address.ToString());
        return request;
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                    context.Request.Headers.Remove(Header);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
