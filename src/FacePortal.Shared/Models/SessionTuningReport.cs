using System.Globalization;

namespace FacePortal.Shared.Models;

/// <summary>Where a session's setting came from.</summary>
public enum TuningSource
{
    /// <summary>Timed at this start-up.</summary>
    Measured,

    /// <summary>Timed at an earlier start on the same machine, runtime, model and thread count.</summary>
    Cached,

    /// <summary>Fixed by <see cref="FaceModelOptions.Tuning"/> (Off, Basic, Extended or All).</summary>
    Configured,

    /// <summary>A CUDA session: ONNX Runtime's defaults for the GPU, not tuned.</summary>
    Cuda,
}

/// <summary>The median run time of one candidate setting on synthetic input, and how many runs it rests on.</summary>
public sealed record SettingTiming(string Setting, double MedianMilliseconds, int Runs);

/// <summary>What the tuner measured for one model and what it chose; the health page and <c>bench</c> show it.</summary>
public sealed record SessionTuningReport(
    string File,
    string Setting,
    TuningSource Source,
    IReadOnlyList<SettingTiming> Timings,
    TimeSpan Elapsed,
    DateTimeOffset? MeasuredAt = null,
    string? Note = null)
{
    /// <summary>"EXTENDED (measured: ALL 65.70 ms, EXTENDED 21.70 ms, ...)", in one line.</summary>
    public string Describe()
    {
        var source = Source switch
        {
            TuningSource.Measured => "measured now",
            TuningSource.Cached => MeasuredAt is { } at ? $"cached, measured {at:yyyy-MM-dd HH:mm} UTC" : "cached",
            TuningSource.Configured => "configured",
            _ => "CUDA, not tuned",
        };
        var timings = Timings.Count == 0
            ? string.Empty
            : ": " + string.Join(", ", Timings.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Setting} {t.MedianMilliseconds:0.00} ms")));
        return $"{Setting} ({source}{timings})" + (Note is null ? string.Empty : $"; {Note}");
    }
}
