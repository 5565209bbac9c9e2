namespace FacePortal.Shared.Faces;

/// <summary>Where one pipeline run spent its time; pass one in to have it filled.</summary>
public sealed class PipelineTimings
{
    public TimeSpan Decode { get; set; }

    public TimeSpan Detect { get; set; }

    public TimeSpan Landmarks { get; set; }

    public TimeSpan Align { get; set; }

    public TimeSpan Embed { get; set; }

    public TimeSpan Total => Decode + Detect + Landmarks + Align + Embed;

    internal static TimeSpan Since(long started) => Stopwatch.GetElapsedTime(started);
}
