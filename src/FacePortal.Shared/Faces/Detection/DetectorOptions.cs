using System.ComponentModel.DataAnnotations;

namespace FacePortal.Shared.Faces.Detection;

public sealed record DetectorOptions
{
    /// <summary>Face-class probability a candidate needs.</summary>
    [Range(0.0, 1.0)]
    public float ScoreThreshold { get; init; } = 0.7f;

    /// <summary>
    /// When a photo that must show one person yields no face at <see cref="ScoreThreshold"/>, the
    /// detector runs once more at this one (a dim or half-turned portrait often scores 0.5 to 0.7).
    /// Not used for frames and group photos, where a missing face is not an error.
    /// </summary>
    public float RetryScoreThreshold { get; init; } = 0.5f;

    /// <summary>Candidates overlapping a better one by more than this IoU are dropped.</summary>
    [Range(0.0, 1.0)]
    public float NmsIouThreshold { get; init; } = 0.35f;

    /// <summary>Faces narrower than this, in original-image pixels, are ignored.</summary>
    [Range(0, 10_000)]
    public float MinFaceSize { get; init; } = 20;

    /// <summary>Cap on faces returned per image, best first.</summary>
    [Range(1, 1000)]
    public int MaxFaces { get; init; } = 50;
}
