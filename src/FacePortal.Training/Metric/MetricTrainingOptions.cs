namespace FacePortal.Training.Metric;

/// <summary>What metric learning adds to the head hyperparameters: the loss, the batches and the one-shot test.</summary>
public sealed record MetricTrainingOptions
{
    /// <summary>Triplet-loss margin on squared distances between unit vectors (which lie in [0, 4]).</summary>
    public double Margin { get; init; } = 0.2;

    /// <summary>P: people per batch.</summary>
    public int PeoplePerBatch { get; init; } = 8;

    /// <summary>K: faces per person per batch.</summary>
    public int FacesPerPerson { get; init; } = 4;

    /// <summary>Size of the learned space.</summary>
    public int OutputSize { get; init; } = 128;

    /// <summary>Share of the people held out, with all their faces, for the one-shot test.</summary>
    public double TestPeopleFraction { get; init; } = 0.33;

    /// <summary>Seeded one-shot episodes averaged per N.</summary>
    public int Episodes { get; init; } = 20;

    /// <summary>The first problem with these values, in a sentence, or null.</summary>
    public string? Validate() => this switch
    {
        { Margin: <= 0 or > 2 } => "The margin must be above 0 and at most 2.",
        { PeoplePerBatch: < 2 or > 256 } => "People per batch must be between 2 and 256.",
        { FacesPerPerson: < 2 or > 64 } => "Faces per person must be between 2 and 64.",
        { OutputSize: < 8 or > 512 } => "The embedding size must be between 8 and 512.",
        { TestPeopleFraction: < 0.1 or > 0.6 } => "The share of test people must be between 10 % and 60 %.",
        { Episodes: < 1 or > 1000 } => "Episodes must be between 1 and 1000.",
        _ => null,
    };
}
