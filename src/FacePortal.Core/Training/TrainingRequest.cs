using FacePortal.Training.Augmentation;
using FacePortal.Training.Heads;
using FacePortal.Training.Metric;
using FacePortal.Training.Scratch;

namespace FacePortal.Core.Training;

/// <summary>What an admin asks a training job to do; stored as JSON with the job, so a retry runs the same request.</summary>
public sealed record TrainingRequest
{
    // The data defaults are the run's; the job, its form and the command line all start from them.
    private static readonly TransferRunOptions RunDefaults = new();

    /// <summary>
    /// The transfer head on the frozen embedder (the recognizer), a CNN from scratch (a baseline to
    /// compare with), or a metric learnt with triplet loss (the gallery then searches in its space).
    /// </summary>
    public ModelKind Model { get; init; } = ModelKind.TransferHead;

    public IReadOnlyList<Guid> PersonIds { get; init; } = [];

    public double ValidationFraction { get; init; } = RunDefaults.ValidationFraction;

    public int AugmentedCopies { get; init; } = RunDefaults.AugmentedCopies;

    public bool Augment { get; init; } = true;

    public bool SyntheticMasks { get; init; } = true;

    public HeadTrainingOptions Head { get; init; } = new();

    /// <summary>Triplet loss, P x K batches and the one-shot test; used by <see cref="ModelKind.MetricTriplet"/> only.</summary>
    public MetricTrainingOptions Metric { get; init; } = new();

    public TransferRunOptions ToRunOptions() => new()
    {
        ValidationFraction = ValidationFraction,
        AugmentedCopies = Augment ? AugmentedCopies : 0,
        Augmentation = !Augment ? AugmentationOptions.None : SyntheticMasks ? new AugmentationOptions() : new AugmentationOptions { MaskProbability = 0 },
        Head = Head,
    };

    /// <param name="rawSimilarityThreshold">The threshold recognition uses on raw embeddings, which the metric's is calibrated against.</param>
    public MetricRunOptions ToMetricOptions(float rawSimilarityThreshold)
    {
        var run = ToRunOptions();
        return new MetricRunOptions
        {
            ValidationFraction = run.ValidationFraction,
            AugmentedCopies = run.AugmentedCopies,
            Augmentation = run.Augmentation,
            Head = Head,
            Metric = Metric,
            RawSimilarityThreshold = rawSimilarityThreshold,
        };
    }

    /// <summary>The first problem with the request's own values, in a sentence, or null.</summary>
    public string? Validate() => this switch
    {
        { PersonIds.Count: < 2 } => "Choose at least two people.",
        { ValidationFraction: < 0.05 or > 0.5 } => "The validation share must be between 5 % and 50 %.",
        { AugmentedCopies: < 0 or > 50 } => "Augmented copies must be between 0 and 50.",
        { Model: ModelKind.MetricTriplet, PersonIds.Count: < 4 } => "Choose at least four people: some to learn the metric from, others to test it on.",
        _ => Head.Validate() ?? (Model == ModelKind.MetricTriplet ? Metric.Validate() : null),
    };
}

public enum ModelKind
{
    TransferHead,
    ScratchCnn,
    MetricTriplet,
}
