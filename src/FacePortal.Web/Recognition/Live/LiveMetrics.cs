using System.Diagnostics.Metrics;
using FacePortal.Core.Telemetry;

namespace FacePortal.Web.Recognition.Live;

/// <summary>The live hub's metrics: connected clients, frames analysed and dropped (and why), and how long frames waited.</summary>
public sealed class LiveMetrics
{
    public const string DropReasonAttribute = "faceportal.live.drop_reason";

    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _analyzed;
    private readonly Counter<long> _dropped;
    private readonly Histogram<double> _queueWait;

    public LiveMetrics(IMeterFactory meters)
    {
        var meter = meters.PortalMeter();
        _connections = meter.CreateUpDownCounter<long>("faceportal.live.connections", unit: "{connection}", description: "Clients connected to this node's live hub.");
        _analyzed = meter.CreateCounter<long>("faceportal.live.frames.analyzed", unit: "{frame}", description: "Live frames run through the recognition pipeline.");
        _dropped = meter.CreateCounter<long>(
            "faceportal.live.frames.dropped", unit: "{frame}", description: "Live frames not analysed, by reason: superseded by a newer frame, rate limited, too large, unreadable.");
        _queueWait = meter.CreateHistogram(
            "faceportal.live.queue.duration",
            unit: "s",
            description: "Time a live frame waited between arrival and the start of its analysis.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
    }

    public void Connected() => _connections.Add(1);

    public void Disconnected() => _connections.Add(-1);

    public void Waited(TimeSpan queued) => _queueWait.Record(queued.TotalSeconds);

    /// <summary>Counts a frame's result: analysed, or dropped with the reason its status gives.</summary>
    public void Answered(FrameResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Status == FrameStatus.Ok)
        {
            _analyzed.Add(1);
            return;
        }

        var reason = result.Status switch
        {
            FrameStatus.Dropped => "superseded",
            FrameStatus.RateLimited => "rate_limited",
            FrameStatus.TooLarge => "too_large",
            FrameStatus.Unreadable => "unreadable",
            _ => "other",
        };
        _dropped.Add(1, new KeyValuePair<string, object?>(DropReasonAttribute, reason));
    }
}
