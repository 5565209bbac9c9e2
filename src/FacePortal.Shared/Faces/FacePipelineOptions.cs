using FacePortal.Shared.Faces.Detection;
using FacePortal.Shared.Imaging;

namespace FacePortal.Shared.Faces;

/// <summary>Bound from the "FacePortal:Pipeline" configuration section.</summary>
public sealed record FacePipelineOptions
{
    public DetectorOptions Detector { get; init; } = new();

    public ImageLimits Limits { get; init; } = ImageLimits.Default;
}
