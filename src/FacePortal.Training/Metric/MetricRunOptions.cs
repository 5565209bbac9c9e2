namespace FacePortal.Training.Metric;

/// <summary>Everything a metric-learning run needs besides its data.</summary>
public sealed record MetricRunOptions
{
    // The data defaults are the transfer run's: both kinds train on the same kind of split and copies.
    private static readonly TransferRunOptions TransferDefaults = new();

    /// <summary>Share of each training person's faces held out for validation (stratified, seeded).</summary>
    public double ValidationFraction { get; init; } = TransferDefaults.ValidationFraction;

    /// <summary>Augmented copies per training face, besides the face itself.</summary>
    public int AugmentedCopies { get; init; } = TransferDefaults.AugmentedCopies;

    public AugmentationOptions Augmentation { get; init; } = new();

    /// <summary>Epochs, optimizer, learning rate, callbacks and seed (hidden size and dropout are not used).</summary>
    public HeadTrainingOptions Head { get; init; } = new();

    public MetricTrainingOptions Metric { get; init; } = new();

    /// <summary>The cosine threshold recognition uses on raw embeddings; the metric's threshold is calibrated to its false-accept rate.</summary>
    public float RawSimilarityThreshold { get; init; } = 0.40f;
}
