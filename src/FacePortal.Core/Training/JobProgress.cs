namespace FacePortal.Core.Training;

/// <summary>
/// One overall progress for a job across its stages, so the bar never goes backwards (issue 22: it read 70 % while
/// extracting features, then 15 % at epoch 9 of 60). Feature extraction, when the kind of training has it, fills
/// the first <see cref="ExtractionShare"/> of the bar and the epochs the rest; without it the epochs fill all of
/// it. A value below one already reported (a second extraction pass, a late report) keeps the higher one.
/// </summary>
public sealed class JobProgress
{
    /// <summary>Extraction's share of the bar: it is a few passes of the frozen network, quicker than the epochs.</summary>
    public const double ExtractionShare = 0.3;

    private readonly Lock _lock = new();
    private bool _extracted;
    private double _overall;

    /// <summary>The overall progress after feature extraction reached <paramref name="fraction"/> (0 to 1).</summary>
    public double Extraction(double fraction)
    {
        lock (_lock)
        {
            _extracted = true;
            return Advance(Math.Clamp(fraction, 0, 1) * ExtractionShare);
        }
    }

    /// <summary>The overall progress after epoch <paramref name="epoch"/> of at most <paramref name="maxEpochs"/>.</summary>
    public double Epoch(int epoch, int maxEpochs)
    {
        lock (_lock)
        {
            var fraction = Math.Clamp(epoch / (double)Math.Max(1, maxEpochs), 0, 1);
            return Advance(_extracted ? ExtractionShare + (fraction * (1 - ExtractionShare)) : fraction);
        }
    }

    private double Advance(double value) => _overall = Math.Max(_overall, value);
}
