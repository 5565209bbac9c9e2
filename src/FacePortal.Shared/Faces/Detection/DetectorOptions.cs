using System.ComponentModel.DataAnnotations;

namespace FacePortal.Shared.Faces.Detection;

public sealed record DetectorOptions
{
    /// <summary>Face-class probability a candidate needs.</summary>
    [Range(0.0, 1.0)]
    public float ScoreThreshold { get; init; } = 0.7f;

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
