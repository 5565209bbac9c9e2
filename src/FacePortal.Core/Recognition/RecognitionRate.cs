namespace FacePortal.Core.Recognition;

/// <summary>
/// The rate (and optional fixed threshold) recognition decides at now: configuration's until the database's
/// <see cref="RecognitionSettings"/> are loaded, then theirs. <see cref="Revision"/> moves on every change,
/// so cached operating points know to recompute.
/// </summary>
public sealed class RecognitionRate(RecognitionOptions options)
{
    private volatile Current _current = new(options.MaxFalseMatchRate, options.SimilarityThreshold, 0);

    public double MaxFalseMatchRate => _current.Rate;

    public float? SimilarityThreshold => _current.Threshold;

    public long Revision => _current.Revision;

    /// <summary>Takes <paramref name="settings"/>, or configuration's values again when there are none.</summary>
    public void Apply(RecognitionSettings? settings)
    {
        var rate = settings?.MaxFalseMatchRate ?? options.MaxFalseMatchRate;
        var threshold = settings is null ? options.SimilarityThreshold : settings.SimilarityThreshold;
        var now = _current;
        if (now.Rate != rate || now.Threshold != threshold)
        {
            _current = new Current(rate, threshold, now.Revision + 1);
        }
    }

    private sealed record Current(double Rate, float? Threshold, long Revision);
}
