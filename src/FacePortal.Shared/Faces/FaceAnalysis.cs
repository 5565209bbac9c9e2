using FacePortal.Shared.Faces.Alignment;
using FacePortal.Shared.Faces.Landmarks;
using FacePortal.Shared.Faces.Quality;

namespace FacePortal.Shared.Faces;

/// <summary>Everything the pipeline knows of one face. Coordinates are in the original, upright image.</summary>
public sealed record FaceAnalysis(
    FaceBox Box,
    float Score,
    FaceLandmarks Landmarks,
    IReadOnlyList<Vector2> FivePoints,
    AlignedFace AlignedFace,
    float[] Embedding,
    FaceQuality Quality);
