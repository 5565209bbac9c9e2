namespace FacePortal.Core.People;

/// <summary>A person with their faces and source photos, newest first.</summary>
/// <param name="AvatarFaceId">The face shown as the person's picture (<see cref="AvatarOf"/>), or null for the placeholder.</param>
public sealed record PersonDetails(
    Guid Id, string Name, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<FaceSummary> Faces, IReadOnlyList<PhotoSummary> Photos, Guid? AvatarFaceId = null)
{
    /// <summary>The gallery the person belongs to.</summary>
    public Guid GalleryId { get; init; }

    /// <summary>
    /// The sharpest face that did not come from a group photo. A face chosen from a group photo may
    /// still be a stranger the admin mistook for the person; their picture must not spread that
    /// mistake, so with only such faces the person has no picture (the placeholder is shown).
    /// </summary>
    public static Guid? AvatarOf(IEnumerable<FaceSummary> faces) =>
        faces.Where(f => !f.FromGroupPhoto).MaxBy(f => f.Quality.Sharpness)?.Id;
}

/// <param name="FromGroupPhoto">The face was chosen from a photo that holds several faces (<see cref="Photo.FacesFound"/> above 1).</param>
public sealed record FaceSummary(Guid Id, Guid PhotoId, FaceBox Box, float DetectionScore, FaceQuality Quality, DateTime AddedAt, bool FromGroupPhoto = false);

public sealed record PhotoSummary(
    Guid Id, string FileName, string ContentType, long ByteLength, int Width, int Height, PhotoSource Source, int FacesFound, string? Warning, DateTime AddedAt);

/// <summary>What a deletion removed, so the UI and the audit trail can say so.</summary>
public sealed record DeletionReport(bool Found, int Photos, int Faces, int FilesDeleted)
{
    public static DeletionReport NotFound { get; } = new(false, 0, 0, 0);
}
