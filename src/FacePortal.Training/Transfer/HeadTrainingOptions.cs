namespace FacePortal.Training.Transfer;

public enum OptimizerKind
{
    Adam,
    RmsProp,
    Sgd,
}

/// <summary>Hyperparameters of one head training run; the defaults suit a few to a few hundred faces per person.</summary>
public sealed record HeadTrainingOptions
{
    public int Epochs { get; init; } = 60;

    public int BatchSize { get; init; } = 32;

    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Momentum for SGD (and RMSprop).</summary>
    public double Momentum { get; init; } = 0.9;

    public int HiddenSize { get; init; } = 256;

    public double Dropout { get; init; } = 0.3;

    /// <summary>Epochs without a better validation loss before training stops.</summary>
    public int EarlyStoppingPatience { get; init; } = 8;

    /// <summary>ReduceLROnPlateau: the learning rate is multiplied by this ...</summary>
    public double LearningRateFactor { get; init; } = 0.5;

    /// <summary>... after this many epochs without a better validation loss.</summary>
    public int LearningRatePatience { get; init; } = 3;

    public int Seed { get; init; } = 42;

    /// <summary>The first problem with these values, in a sentence, or null.</summary>
    public string? Validate() => this switch
    {
        { Epochs: < 1 or > 1000 } => "Epochs must be between 1 and 1000.",
        { BatchSize: < 2 or > 4096 } => "The batch size must be between 2 and 4096.",
        { LearningRate: <= 0 or > 1 } => "The learning rate must be above 0 and at most 1.",
        { HiddenSize: < 8 or > 4096 } => "The hidden size must be between 8 and 4096.",
        { Dropout: < 0 or >= 1 } => "Dropout must be at least 0 and below 1.",
        { EarlyStoppingPatience: < 1 } => "Early-stopping patience must be at least 1 epoch.",
        { LearningRateFactor: <= 0 or >= 1 } => "The learning-rate factor must be between 0 and 1.",
        { LearningRatePatience: < 1 } => "Learning-rate patience must be at least 1 epoch.",
        _ => null,
    };
}
