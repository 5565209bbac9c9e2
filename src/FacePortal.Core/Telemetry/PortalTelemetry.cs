using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FacePortal.Core.Telemetry;

/// <summary>
/// The one name FacePortal's own metrics and traces go by: every instrument lives on the meter of
/// this name and every span comes from this activity source, so an exporter subscribes to one name.
/// </summary>
public static class PortalTelemetry
{
    public const string Name = "FacePortal";

    /// <summary>Spans of FacePortal's own work (recognition and its pipeline stages, live frames); free when nobody listens.</summary>
    public static ActivitySource Traces { get; } = new(Name);

    /// <summary>
    /// The host's meter for FacePortal. The factory hands every caller the same meter and disposes it
    /// with the host, so instruments of a stopped host (a test's) stop reporting with it.
    /// </summary>
    public static Meter PortalMeter(this IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        return meters.Create(Name);
    }

    /// <summary>A span laid out after the fact from measured times (the pipeline times its stages itself).</summary>
    public static Activity? Span(string name, DateTimeOffset start, DateTimeOffset end)
    {
        var span = Traces.StartActivity(name, ActivityKind.Internal, parentContext: default, startTime: start);
        span?.SetEndTime(end.UtcDateTime);
        return span;
    }

    /// <summary>When a <see cref="Stopwatch"/> timestamp happened, on the wall clock spans use.</summary>
    public static DateTimeOffset WallClockOf(long stopwatchTimestamp) =>
        DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(stopwatchTimestamp);
}
