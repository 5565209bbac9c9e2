using FacePortal.Core.People;
using FacePortal.Core.Recognition;
using FacePortal.Shared.Search;

namespace FacePortal.Web.Recognition;

/// <summary>Every face in a photo, named or Unknown, for the HTTP API.</summary>
public sealed record IdentifyResponse(int Width, int Height, float Threshold, string Recognizer, IReadOnlyList<IdentifiedFace> Faces, double ServerMilliseconds)
{
    public static IdentifyResponse From(RecognitionResult result) => new(
        result.ImageWidth,
        result.ImageHeight,
        result.Threshold,
        result.Recognizer,
        result.Faces.Select(IdentifiedFace.From).ToList(),
        (result.Timings.Total + result.Match).TotalMilliseconds);
}

/// <summary>One face: its box, who it is (null name means Unknown) and the closest candidates.</summary>
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
    IReadOnlyList<GalleryMatch> Candidates)
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
        face.Candidates);
}
