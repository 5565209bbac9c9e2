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

/// <summary>
/// One candidate setting's runs on synthetic input: the fastest (what decides: other work on the
/// machine only ever adds time to a run), the median, and how many runs they rest on.
/// </summary>
public sealed record SettingTiming(string Setting, double BestMilliseconds, double MedianMilliseconds, int Runs);

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
    /// <summary>"EXTENDED (measured now, fastest of N runs: ALL 65.70 ms, EXTENDED 21.70 ms, ...)", in one line.</summary>
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
            : ", fastest run: " + string.Join(", ", Timings.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Setting} {t.BestMilliseconds:0.00} ms")));
        return $"{Setting} ({source}{timings})" + (Note is null ? string.Empty : $"; {Note}");
    }
}
