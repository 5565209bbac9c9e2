namespace FacePortal.Training.Transfer;

/// <summary>Everything a transfer-learning run needs besides its data.</summary>
public sealed record TransferRunOptions
{
    /// <summary>Share of each person's faces held out for validation (stratified, seeded) when the data has no split of its own.</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Augmented copies per training face, besides the face itself.</summary>
    public int AugmentedCopies { get; init; } = 5;

    public AugmentationOptions Augmentation { get; init; } = new();

    public HeadTrainingOptions Head { get; init; } = new();

    /// <summary>Fewest faces a person needs to be trained on (one for validation, the rest for training).</summary>
    public int MinFacesPerPerson { get; init; } = 2;
}
