namespace FacePortal.Core.Recognition;

/// <summary>
/// One-to-one verification of two photos: the primary face of each (<see cref="Shared.Faces.PrimaryFace"/>), their cosine similarity,
/// and whether it reaches the threshold. <see cref="Problem"/> is set instead when a photo
/// cannot be compared (unreadable, or no face).
/// </summary>
public sealed record VerificationResult(
    float Similarity,
    float Threshold,
    bool IsSamePerson,
    VerifiedPhoto First,
    VerifiedPhoto Second,
    string? Problem,
    OperatingPoint? OperatingPoint = null)
{
    public static VerificationResult Failed(VerifiedPhoto first, VerifiedPhoto second, string problem) =>
        new(0, 0, false, first, second, problem);
}

/// <summary>One side of a verification: the face compared, and how many faces the photo held.</summary>
/// <param name="LowerThresholdRetry">The detector found no face at its configured threshold and ran again at its lower retry threshold.</param>
public sealed record VerifiedPhoto(int Width, int Height, FaceBox? Face, int FacesFound, string? Problem, bool LowerThresholdRetry = false)
{
    public static VerifiedPhoto Unusable(string problem) => new(0, 0, null, 0, problem);
}
