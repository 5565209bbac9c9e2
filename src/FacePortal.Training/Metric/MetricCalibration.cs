using FacePortal.Shared.Evaluation;

namespace FacePortal.Training.Metric;

/// <summary>
/// The similarity threshold of a learned space, chosen to accept strangers no more often than the
/// raw threshold does: the raw threshold's false-accept rate is measured on held-out pairs and the
/// metric's threshold is the lowest one with at most that rate on the same pairs in its space.
/// </summary>
/// <param name="TargetFar">The raw threshold's false-accept rate on the held-out pairs.</param>
/// <param name="RawTar">Same-person pairs the raw threshold accepts.</param>
/// <param name="MetricTar">Same-person pairs the metric threshold accepts.</param>
public sealed record MetricCalibration(float Threshold, float RawThreshold, double TargetFar, double RawTar, double MetricTar)
{
    public static MetricCalibration Calibrate(IReadOnlyList<VerificationPair> raw, IReadOnlyList<VerificationPair> metric, float rawThreshold)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(metric);
        var rawImpostors = raw.Where(p => !p.Same).ToArray();
        var impostors = metric.Where(p => !p.Same).Select(p => p.Similarity).OrderDescending().ToArray();
        if (rawImpostors.Length == 0 || impostors.Length == 0 || !raw.Any(p => p.Same))
        {
            throw new ArgumentException("Calibration needs same-person and different-person pairs.", nameof(raw));
        }

        var targetFar = rawImpostors.Count(p => p.Similarity >= rawThreshold) / (double)rawImpostors.Length;

        // Allow as many false accepts as the target rate permits; the threshold sits just above the next impostor.
        var allowed = (int)Math.Floor(targetFar * impostors.Length);
        var threshold = allowed < impostors.Length ? MathF.BitIncrement(impostors[allowed]) : impostors[^1];
        return new MetricCalibration(threshold, rawThreshold, targetFar, AcceptRate(raw, rawThreshold), AcceptRate(metric, threshold));
    }

    private static double AcceptRate(IReadOnlyList<VerificationPair> pairs, float threshold) =>
        pairs.Where(p => p.Same).Average(p => p.Similarity >= threshold ? 1.0 : 0.0);
}
