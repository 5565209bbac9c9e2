using System.Diagnostics.Metrics;
using FacePortal.Core.Telemetry;

namespace FacePortal.Core.Training;

/// <summary>
/// Training jobs as metrics: how many are in each state (read from the shared database when scraped,
/// so every node reports the same figures whichever worker runs the jobs) and how long finished
/// attempts took (recorded by the process that ran them).
/// </summary>
public sealed class TrainingMetrics
{
    public const string StateAttribute = "faceportal.training.job.state";

    private readonly IDbContextFactory<FacePortalDbContext> _databases;
    private readonly Histogram<double> _duration;

    public TrainingMetrics(IMeterFactory meters, IDbContextFactory<FacePortalDbContext> databases)
    {
        _databases = databases;
        var meter = meters.PortalMeter();
        _duration = meter.CreateHistogram(
            "faceportal.training.job.duration",
            unit: "s",
            description: "Wall time of training attempts, from start to their final state.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200] });
        meter.CreateObservableGauge(
            "faceportal.training.jobs",
            CountByState,
            unit: "{job}",
            description: "Training jobs in each state, from the database.");
    }

    /// <summary>An attempt reached a final state; attempts that never started (cancelled while queued) have no duration.</summary>
    public void Finished(TrainingJobStatus status, TimeSpan duration) =>
        _duration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(StateAttribute, StateName(status)));

    internal static string StateName(TrainingJobStatus status) => EnrollmentMetrics.Snake(status.ToString());

    private IEnumerable<Measurement<int>> CountByState()
    {
        Dictionary<TrainingJobStatus, int> counts;
        try
        {
            using var db = _databases.CreateDbContext();
            counts = db.TrainingJobs.GroupBy(j => j.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionary(x => x.Key, x => x.Count);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // An unreachable database is /healthz's to report; a scrape just goes without this gauge.
            return [];
        }

        return Enum.GetValues<TrainingJobStatus>()
            .Select(s => new Measurement<int>(counts.GetValueOrDefault(s), new KeyValuePair<string, object?>(StateAttribute, StateName(s))))
            .ToList();
    }
}
