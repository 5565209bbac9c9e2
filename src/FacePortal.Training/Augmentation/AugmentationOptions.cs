namespace FacePortal.Training.Augmentation;

/// <summary>Which random changes make augmented copies of a face, and how strong each may be. Zero turns one off.</summary>
public sealed record AugmentationOptions
{
    public static AugmentationOptions None { get; } = new()
    {
        FlipProbability = 0, MaxRotationDegrees = 0, MaxScale = 0, MaxShift = 0, MaxBrightness = 0, MaxContrast = 0, MaxSaturation = 0,
        BlurProbability = 0, MaskProbability = 0,
    };

    public double FlipProbability { get; init; } = 0.5;

    public double MaxRotationDegrees { get; init; } = 10;

    /// <summary>Largest zoom in or out, as a fraction (0.08 = 92 % to 108 %).</summary>
    public double MaxScale { get; init; } = 0.08;

    /// <summary>Largest shift, as a fraction of the crop side.</summary>
    public double MaxShift { get; init; } = 0.06;

    /// <summary>Largest brightness change, as a fraction of full scale.</summary>
    public double MaxBrightness { get; init; } = 0.15;

    /// <summary>Largest contrast change, as a fraction (0.2 = 80 % to 120 %).</summary>
    public double MaxContrast { get; init; } = 0.2;

    /// <summary>Largest saturation change, as a fraction.</summary>
    public double MaxSaturation { get; init; } = 0.25;

    public double BlurProbability { get; init; } = 0.2;

    public double MaxBlurSigma { get; init; } = 1.2;

    /// <summary>Chance of a synthetic face mask over nose and mouth, placed from the template landmarks.</summary>
    public double MaskProbability { get; init; } = 0.2;
}
