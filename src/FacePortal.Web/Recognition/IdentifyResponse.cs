using FacePortal.Core.People;
using FacePortal.Core.Recognition;
using FacePortal.Shared.OpenSet;
using FacePortal.Shared.Search;

namespace FacePortal.Web.Recognition;

/// <summary>Every face in a photo, named or Unknown, for the HTTP API, and the operating point they were decided at.</summary>
public sealed record IdentifyResponse(
    int Width,
    int Height,
    float Threshold,
    string Recognizer,
    IReadOnlyList<IdentifiedFace> Faces,
    double ServerMilliseconds,
    OperatingPointResponse OperatingPoint)
{
    public static IdentifyResponse From(RecognitionResult result) => new(
        result.ImageWidth,
        result.ImageHeight,
        result.Threshold,
        result.Recognizer,
        result.Faces.Select(IdentifiedFace.From).ToList(),
        (result.Timings.Total + result.Match).TotalMilliseconds,
        OperatingPointResponse.From(result.OperatingPoint));
}

/// <summary>One face: its box, who it is (null name means Unknown), the closest candidates and the verdict with its reason.</summary>
public sealed record IdentifiedFace(
    float X,
    float Y,
    float Width,
    float Height,
    float DetectionScore,
    Guid? PersonId,
    string? Name,
    float Similarity,
    float? Probability,
    float Sharpness,
    float Frontalness,
    IReadOnlyList<GalleryMatch> Candidates,
    VerdictResponse Verdict)
{
    public static IdentifiedFace From(RecognizedFace face) => new(
        face.Box.Left,
        face.Box.Top,
        face.Box.Width,
        face.Box.Height,
        face.DetectionScore,
        face.Person?.PersonId,
        face.Person?.Name,
        face.BestSimilarity,
        face.Probability,
        face.Quality.Sharpness,
        face.Quality.Frontalness,
        face.Candidates,
        VerdictResponse.From(face.Verdict, face.Probability));
}

/// <summary>Two photos compared 1:1 for the HTTP API: the comparison and its verdict in words.</summary>
public sealed record VerificationResponse(
    float Similarity,
    float Threshold,
    bool IsSamePerson,
    VerifiedPhoto First,
    VerifiedPhoto Second,
    string? Problem,
    VerificationVerdict? Verdict)
{
    /// <param name="point">The point the comparison was made at (the result's own when it has one).</param>
    public static VerificationResponse From(VerificationResult result, OperatingPoint point)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verdict = result.Problem is null ? VerificationVerdict.Of(result.Similarity, result.OperatingPoint ?? point) : null;
        return new(result.Similarity, result.Threshold, result.IsSamePerson, result.First, result.Second, result.Problem, verdict);
    }
}
