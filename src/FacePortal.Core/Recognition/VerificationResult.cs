using FacePortal.Shared.Faces.Geometry;

namespace FacePortal.Core.Recognition;

/// <summary>
/// One-to-one verification of two photos: the largest face of each, their cosine similarity,
/// and whether it reaches the threshold. <see cref="Problem"/> is set instead when a photo
/// cannot be compared (unreadable, or no face).
/// </summary>
public sealed record VerificationResult(
    float Similarity,
    float Threshold,
    bool IsSamePerson,
    VerifiedPhoto First,
    VerifiedPhoto Second,
    string? Problem)
{
    public static VerificationResult Failed(VerifiedPhoto first, VerifiedPhoto second, string problem) =>
        new(0, 0, false, first, second, problem);
}

/// <summary>One side of a verification: the face compared, and how many faces the photo held.</summary>
public sealed record VerifiedPhoto(int Width, int Height, FaceBox? Face, int FacesFound, string? Problem)
{
    public static VerifiedPhoto Unusable(string problem) => new(0, 0, null, 0, problem);
}
