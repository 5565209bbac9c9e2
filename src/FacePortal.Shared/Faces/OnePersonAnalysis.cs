namespace FacePortal.Shared.Faces;

/// <summary>
/// A photo that should show one person (an enrollment photo, one side of a verification, an
/// evaluation image): every face found, the <see cref="PrimaryFace"/> among them, and whether the
/// detector had to be run again at its lower threshold because the configured one found nothing.
/// </summary>
/// <param name="RetryThreshold">The lower threshold the detector ran at again, or null when the first run found a face.</param>
public sealed record OnePersonAnalysis(IReadOnlyList<FaceAnalysis> Faces, FaceAnalysis? Primary, int Width, int Height, float? RetryThreshold)
{
    public bool Retried => RetryThreshold is not null;

    /// <summary>The primary face is also the largest (so "the largest" describes the choice).</summary>
    public bool PrimaryIsLargest => Primary is not null && Faces.All(f => f.Box.Area <= Primary.Box.Area);
}
