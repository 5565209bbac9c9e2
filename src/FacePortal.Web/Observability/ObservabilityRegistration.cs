using System.Diagnostics.Metrics;
using FacePortal.Core.Telemetry;
using Microsoft.AspNetCore.Authentication;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FacePortal.Web.Observability;

/// <summary>
/// The web node's part of OpenTelemetry, on top of the node's (<see cref="TelemetryRegistration"/>:
/// FacePortal's meter and the runtime's, the OTLP export): ASP.NET Core's instruments, scraped by
/// Prometheus at <see cref="MetricsPath"/>, and HTTP and live hub spans when a collector is named.
/// </summary>
public static class ObservabilityRegistration
{
    public const string MetricsPath = "/metrics";

    /// <summary>The hub invocations' spans, from ASP.NET Core's SignalR.</summary>
    private const string SignalRSource = "Microsoft.AspNetCore.SignalR.Server";

    public static IServiceCollection AddPortalObservability(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<MetricsOptions>(MetricsOptions.Section);
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, MetricsTokenHandler>(MetricsAccess.Scheme, configureOptions: null);
        services.AddAuthorizationBuilder().AddPolicy(MetricsAccess.Policy, MetricsAccess.BuildPolicy());

        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());
        services.ConfigureOpenTelemetryMeterProvider((provider, metrics) => metrics.AddView(OnlyThisHostsMeter(provider.GetRequiredService<IMeterFactory>())));
        services.AddHostedService<ObservableGauges>();

        // The node's registration adds the OTLP exporter and FacePortal's spans; these join them.
        if (TelemetryRegistration.ExportsOtlp(configuration))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(SignalRSource)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath)));
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
