using FacePortal.Shared.Faces;

namespace FacePortal.Shared.Recognition;

/// <summary>Every face in one image, and where the time went.</summary>
public sealed record RecognitionResult(
    int ImageWidth,
    int ImageHeight,
    IReadOnlyList<RecognizedFace> Faces,
    PipelineTimings Timings,
    TimeSpan Match,
    float Threshold);
