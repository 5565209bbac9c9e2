namespace FacePortal.Core.Recognition;

/// <summary>
/// The operating point an admin chose on the Recognition settings page: one row, which overrides
/// <c>FacePortal:Recognition:MaxFalseMatchRate</c> (and the optional fixed threshold) from configuration.
/// </summary>
public sealed class RecognitionSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public double MaxFalseMatchRate { get; set; }

    /// <summary>A fixed threshold that overrides the rate; null to derive it from the rate.</summary>
    public float? SimilarityThreshold { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTime? UpdatedAt { get; set; }
}
