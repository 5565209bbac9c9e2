using System.ComponentModel.DataAnnotations;
using FacePortal.Shared.Faces.Detection;

namespace FacePortal.Shared.Faces;

/// <summary>Bound from the "FacePortal:Pipeline" configuration section.</summary>
public sealed record FacePipelineOptions
{
    public const string Section = "FacePortal:Pipeline";

    public DetectorOptions Detector { get; init; } = new();

    /// <summary>A new instance, not <see cref="ImageLimits.Default"/>: binding configuration fills it in place.</summary>
    public ImageLimits Limits { get; init; } = new();

    /// <summary>
    /// Faces of one image analysed side by side (landmarks, alignment, embedding). Our models take one
    /// face per run, so a group photo otherwise waits for each face in turn. 1 analyses them in turn.
    /// </summary>
    [Range(1, 64)]
    public int MaxParallelFaces { get; init; } = Environment.ProcessorCount;
}
