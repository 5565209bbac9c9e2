using System.Diagnostics;

namespace FacePortal.Shared.Faces;

/// <summary>Where one pipeline run spent its time; pass one in to have it filled.</summary>
public sealed class PipelineTimings
{
    public TimeSpan Decode { get; internal set; }

    public TimeSpan Detect { get; internal set; }

    public TimeSpan Landmarks { get; internal set; }

    public TimeSpan Align { get; internal set; }

    public TimeSpan Embed { get; internal set; }

    public TimeSpan Total => Decode + Detect + Landmarks + Align + Embed;

    internal static TimeSpan Since(long started) => Stopwatch.GetElapsedTime(started);
}
