using FacePortal.Shared.Faces.Detection;
using FacePortal.Shared.Imaging;

namespace FacePortal.Shared.Faces;

/// <summary>Bound from the "FacePortal:Pipeline" configuration section.</summary>
public sealed record FacePipelineOptions
{
    public DetectorOptions Detector { get; init; } = new();

    public ImageLimits Limits { get; init; } = ImageLimits.Default;

    /// <summary>
    /// Faces of one image analysed side by side (landmarks, alignment, embedding). Our models take one
    /// face per run, so a group photo otherwise waits for each face in turn. 1 analyses them in turn.
    /// </summary>
    public int MaxParallelFaces { get; init; } = Environment.ProcessorCount;
}
