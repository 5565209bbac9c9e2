using FacePortal.Shared.Faces.Detection;
using FacePortal.Shared.Imaging;

namespace FacePortal.Shared.Faces;

/// <summary>Bound from the "FacePortal:Pipeline" configuration section.</summary>
public sealed record FacePipelineOptions
{
    public const string Section = "FacePortal:Pipeline";

    public DetectorOptions Detector { get; init; } = new();

    /// <summary>A new instance, not <see cref="ImageLimits.Default"/>: binding configuration fills it in place.</summary>
    public ImageLimits Limits { get; init; } = new();
}
