namespace FacePortal.Core.Recognition;

/// <summary>Every face in one image, where the time went, and which recognizer named them ("gallery" or a model's description).</summary>
public sealed record RecognitionResult(
    int ImageWidth,
    int ImageHeight,
    IReadOnlyList<RecognizedFace> Faces,
    PipelineTimings Timings,
    TimeSpan Match,
    OperatingPoint OperatingPoint,
    string Recognizer)
{
    /// <summary>The similarity threshold of <see cref="OperatingPoint"/>.</summary>
    public float Threshold => OperatingPoint.Threshold;
}
