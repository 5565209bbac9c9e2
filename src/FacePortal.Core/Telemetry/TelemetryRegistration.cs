using FacePortal.Core.Jobs;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FacePortal.Core.Telemetry;

/// <summary>
/// OpenTelemetry for every kind of node: FacePortal's meter and the runtime's, and, only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names a collector, FacePortal's spans and an OTLP export of
/// everything. The web app adds ASP.NET Core's instruments and the Prometheus endpoint on top
/// (the same provider: OpenTelemetry merges every registration on one service collection).
/// </summary>
public static class TelemetryRegistration
{
    /// <summary>The standard OpenTelemetry variable; the OTLP exporter reads it (and its siblings) itself.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The resource attribute that tells a web node's figures from a worker's on the same machine.</summary>
    public const string RoleAttribute = "faceportal.node.role";

    public static bool ExportsOtlp(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);
    }

    public static OpenTelemetryBuilder AddFacePortalTelemetry(this IServiceCollection services, IConfiguration configuration, JobHostRole role)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(PortalTelemetry.Name, serviceInstanceId: Environment.MachineName)
                .AddAttributes([new(RoleAttribute, role.ToString().ToLowerInvariant())]))
            .WithMetrics(metrics => metrics
                .AddMeter(PortalTelemetry.Name)
                .AddRuntimeInstrumentation());
        if (ExportsOtlp(configuration))
        {
            telemetry
                .WithTracing(tracing => tracing.AddSource(PortalTelemetry.Name))
                .UseOtlpExporter();
        }

        return telemetry;
    }
}
