using System.Numerics;
using FacePortal.Shared.Faces.Attributes;
using FacePortal.Shared.Faces.Geometry;
using FacePortal.Shared.Faces.Quality;
using FacePortal.Shared.Search;

namespace FacePortal.Web.Recognition;

/// <summary>A face's box in original-image pixels: left, top, width, height.</summary>
public sealed record Box(float X, float Y, float Width, float Height)
{
    public static Box From(FaceBox box) => new(box.Left, box.Top, box.Width, box.Height);
}

/// <summary>A point in original-image pixels.</summary>
public sealed record Point(float X, float Y)
{
    public static IReadOnlyList<Point> From(IEnumerable<Vector2> points) => [.. points.Select(p => new Point(p.X, p.Y))];
}

/// <summary>
/// One face found: box, detector score, 5 landmarks (eyes, nose tip, mouth corners), 68 landmarks,
/// quality signals and, when facePlugins asked for them, its attributes (null otherwise).
/// </summary>
public sealed record DetectedFace(Box Box, float Score, IReadOnlyList<Point> Landmarks5, IReadOnlyList<Point> Landmarks68, FaceQuality Quality, FaceAttributes? Attributes)
{
    public static DetectedFace From(FaceAnalysis face, FaceAttributes? attributes) =>
        new(Box.From(face.Box), face.Score, Point.From(face.FivePoints), Point.From(face.Landmarks.Points), face.Quality, attributes);
}

/// <summary>A face's box and the detector's score, nothing more (the fast path).</summary>
public sealed record DetectedBox(Box Box, float Score);

/// <summary>Where the faces in the photo are, best detector score first.</summary>
public sealed record BoxesResponse(int Width, int Height, IReadOnlyList<DetectedBox> Faces);

/// <summary>Every face in the photo, best detector score first.</summary>
public sealed record DetectResponse(int Width, int Height, IReadOnlyList<DetectedFace> Faces, IReadOnlyList<string> FacePlugins);

/// <summary>One face: where it is, its verdict, and the closest people, best first, whether or not they reach the threshold.</summary>
public sealed record RecognizedFaceResponse(Box Box, float Score, FaceQuality Quality, VerdictResponse Verdict, IReadOnlyList<GalleryMatch> Candidates);

/// <summary>
/// Every face named or Unknown under <see cref="Threshold"/> (the server's, or the caller's stricter one);
/// <see cref="OperatingPoint"/> is the server's point, the one each face's verdict also carries.
/// </summary>
public sealed record RecognizeResponse(
    int Width,
    int Height,
    string Recognizer,
    float ServerThreshold,
    float Threshold,
    OperatingPointResponse OperatingPoint,
    IReadOnlyList<RecognizedFaceResponse> Faces)
{
    /// <param name="callerThreshold">The caller's stricter threshold, or null for the server's.</param>
    public static RecognizeResponse From(RecognitionResult result, float? callerThreshold)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(
            result.ImageWidth,
            result.ImageHeight,
            result.Recognizer,
            result.Threshold,
            callerThreshold ?? result.Threshold,
            OperatingPointResponse.From(result.OperatingPoint),
            [.. result.Faces.Select(f => Face(f, callerThreshold))]);
    }

    /// <summary>A stricter caller threshold can only turn a named face Unknown, never the other way.</summary>
    private static RecognizedFaceResponse Face(RecognizedFace face, float? callerThreshold)
    {
        var verdict = callerThreshold is { } strict
            ? VerdictResponse.Stricter(face.Verdict, strict, face.Probability)
            : VerdictResponse.From(face.Verdict, face.Probability);
        return new RecognizedFaceResponse(Box.From(face.Box), face.DetectionScore, face.Quality, verdict, face.Candidates);
    }
}

/// <summary>
/// 1:1 verification: the primary face of <see cref="First"/> against the primary face of
/// <see cref="Second"/>, or against the nearest enrolled face of <see cref="Person"/>.
/// <see cref="Notes"/> say in sentences what was chosen (several faces, a lower detector threshold).
/// <see cref="Verdict"/> says the answer in words with the operating point of one comparison.
/// <see cref="Liveness"/> holds each compared face's liveness verdict when requireLive asked for it.
/// </summary>
public sealed record VerifyResponse(
    float Similarity,
    float Threshold,
    bool IsSamePerson,
    VerifiedPhoto First,
    VerifiedPhoto? Second,
    VerifiedPerson? Person,
    VerificationVerdict Verdict,
    IReadOnlyList<string> Notes,
    IReadOnlyList<LivenessEstimate>? Liveness = null);

/// <summary>The enrolled person a photo was verified against, and their face that was nearest.</summary>
public sealed record VerifiedPerson(Guid Id, string Name, Guid NearestFaceId, int EnrolledFaces);
