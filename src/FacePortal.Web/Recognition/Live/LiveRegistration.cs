using MessagePack;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;

namespace FacePortal.Web.Recognition.Live;

/// <summary>The live hub: SignalR with MessagePack, its limits, and its endpoint.</summary>
public static class LiveRegistration
{
    public static IServiceCollection AddLiveRecognition(this IServiceCollection services)
    {
        services.AddValidatedOptions<LiveOptions>(LiveOptions.Section);
        services.AddValidatedOptions<LiveConnectionOptions>(LiveConnectionOptions.Section);
        services.AddSingleton<LiveConnectionLimit>();
        services.AddSingleton<SilentConnectionWatch>();
        services.AddSingleton<LiveMetrics>();
        services.AddSingleton<LiveFrameProcessor>();
        services.AddSignalR()
            .AddHubOptions<LiveRecognitionHub>(hub =>
            {
                // SendFrame returns at once (frames wait in the session's mailbox), so one invocation at a time is enough.
                hub.MaximumParallelInvocationsPerClient = 1;

                // SignalR's client timeout starts only at the first message; this closes connections that never send one.
                hub.AddFilter<SilentConnectionFilter>();
            })
            .AddMessagePackProtocol(protocol =>
                protocol.SerializerOptions = MessagePackSerializerOptions.Standard
                    .WithResolver(StandardResolver.Instance)
                    .WithSecurity(MessagePackSecurity.UntrustedData));

        // The message limit follows the frame limit, a setting only known once configuration is read.
        services.AddOptions<HubOptions<LiveRecognitionHub>>()
            .Configure<LiveOptions>((hub, live) => hub.MaximumReceiveMessageSize = live.TransportMaxMessageBytes)
            .Configure<LiveConnectionOptions>((hub, connections) =>
            {
                // Silent connections are closed: one that finished its handshake and then said nothing
                // would otherwise hold its socket and session for as long as the peer keeps the TCP connection.
                hub.ClientTimeoutInterval = connections.IdleTimeout;
                hub.HandshakeTimeout = connections.IdleTimeout;

                // Pings go out well inside the timeout, so clients that apply the same rule to the server stay connected.
                hub.KeepAliveInterval = connections.IdleTimeout / 2 < TimeSpan.FromSeconds(15) ? connections.IdleTimeout / 2 : TimeSpan.FromSeconds(15);
            });
        return services;
    }

    public static IEndpointConventionBuilder MapLiveRecognition(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<LiveOptions>();
        return endpoints.MapHub<LiveRecognitionHub>(LiveRecognitionHub.Path, connection =>
        {
            // MessagePack is binary, which server-sent events cannot carry; long polling stays as the fallback.
            connection.Transports = HttpTransportType.WebSockets | HttpTransportType.LongPolling;

            // Room for a whole frame before the transport pushes back on the client.
            connection.ApplicationMaxBufferSize = options.TransportMaxMessageBytes;
        });
    }
}
