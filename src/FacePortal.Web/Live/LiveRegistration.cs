using FacePortal.Core.Configuration;
using MessagePack;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;

namespace FacePortal.Web.Live;

/// <summary>The live hub: SignalR with MessagePack, its limits, and its endpoint.</summary>
public static class LiveRegistration
{
    public static IServiceCollection AddLiveRecognition(this IServiceCollection services)
    {
        services.AddValidatedOptions<LiveOptions>(LiveOptions.Section);
        services.AddSingleton<LiveMetrics>();
        services.AddSingleton<LiveFrameProcessor>();
        services.AddSignalR()
            .AddHubOptions<LiveRecognitionHub>(hub =>
            {
                // SendFrame returns at once (frames wait in the session's mailbox), so one invocation at a time is enough.
                hub.MaximumParallelInvocationsPerClient = 1;
            })
            .AddMessagePackProtocol(protocol =>
                protocol.SerializerOptions = MessagePackSerializerOptions.Standard
                    .WithResolver(StandardResolver.Instance)
                    .WithSecurity(MessagePackSecurity.UntrustedData));

        // The message limit follows the frame limit, a setting only known once configuration is read.
        services.AddOptions<HubOptions<LiveRecognitionHub>>()
            .Configure<LiveOptions>((hub, live) => hub.MaximumReceiveMessageSize = live.TransportMaxMessageBytes);
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
