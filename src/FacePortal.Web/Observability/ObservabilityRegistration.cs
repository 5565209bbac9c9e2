using System.Diagnostics.Metrics;
using FacePortal.Core.Configuration;
using FacePortal.Core.Telemetry;
using Microsoft.AspNetCore.Authentication;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FacePortal.Web.Observability;

/// <summary>
/// OpenTelemetry: FacePortal's meter with ASP.NET Core's and the runtime's, scraped by Prometheus at
/// <see cref="MetricsPath"/>; traces (HTTP, the live hub, the pipeline stages) and an OTLP export of
/// everything only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names a collector.
/// </summary>
public static class ObservabilityRegistration
{
    public const string MetricsPath = "/metrics";

    /// <summary>The standard OpenTelemetry variable; the OTLP exporter reads it (and its siblings) itself.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The hub invocations' spans, from ASP.NET Core's SignalR.</summary>
    private const string SignalRSource = "Microsoft.AspNetCore.SignalR.Server";

    public static IServiceCollection AddPortalObservability(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<MetricsOptions>(MetricsOptions.Section);
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, MetricsTokenHandler>(MetricsAccess.Scheme, configureOptions: null);
        services.AddAuthorizationBuilder().AddPolicy(MetricsAccess.Policy, MetricsAccess.BuildPolicy());

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("FacePortal", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics => metrics
                .AddMeter(PortalTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        services.ConfigureOpenTelemetryMeterProvider((provider, metrics) => metrics.AddView(OnlyThisHostsMeter(provider.GetRequiredService<IMeterFactory>())));
        services.AddHostedService<ObservableGauges>();

        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]))
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource(PortalTelemetry.Name, SignalRSource)
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath)))
                .UseOtlpExporter();
        }

        return services;
    }

    /// <summary>
    /// A meter provider listens to every meter of its name in the process. Two hosts in one process
    /// (the functional tests run several at once) would otherwise report each other's gauges under
    /// one series, the last reading winning; each host reports the meters of its own factory only.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisHostsMeter(IMeterFactory factory) =>
        instrument => instrument.Meter.Name == PortalTelemetry.Name && !ReferenceEquals(instrument.Meter.Scope, factory) ? MetricStreamConfiguration.Drop : null;

    /// <summary>The Prometheus scrape endpoint under <see cref="MetricsAccess"/>'s policy.</summary>
    public static IEndpointConventionBuilder MapPortalMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(MetricsAccess.Policy);
}
