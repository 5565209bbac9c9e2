namespace FacePortal.Shared.Faces.Alignment;

/// <summary>The standard five-point ArcFace template for a 112x112 crop.</summary>
public static class ArcFaceTemplate
{
    public const int Size = 112;

    /// <summary>
    /// In OpenCV's convention (pixel centres on integers), as published. Skia puts pixel
    /// centres at +0.5, so <see cref="FaceAligner"/> shifts them by half a pixel.
    /// </summary>
    public static IReadOnlyList<Vector2> Points { get; } =
    [
        new(38.2946f, 51.6963f),
        new(73.5318f, 51.5014f),
        new(56.0252f, 71.7366f),
        new(41.5493f, 92.3655f),
        new(70.7299f, 92.2041f),
    ];
}
