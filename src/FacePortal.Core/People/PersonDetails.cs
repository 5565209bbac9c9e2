using FacePortal.Shared.Faces.Geometry;
using FacePortal.Shared.Faces.Quality;

namespace FacePortal.Core.People;

/// <summary>A person with their faces and source photos, newest first.</summary>
public sealed record PersonDetails(Guid Id, string Name, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<FaceSummary> Faces, IReadOnlyList<PhotoSummary> Photos);

public sealed record FaceSummary(Guid Id, Guid PhotoId, FaceBox Box, float DetectionScore, FaceQuality Quality, DateTime AddedAt);

public sealed record PhotoSummary(
    Guid Id, string FileName, string ContentType, long ByteLength, int Width, int Height, PhotoSource Source, int FacesFound, string? Warning, DateTime AddedAt);

/// <summary>What a deletion removed, so the UI and the audit trail can say so.</summary>
public sealed record DeletionReport(bool Found, int Photos, int Faces, int FilesDeleted)
{
    public static DeletionReport NotFound { get; } = new(false, 0, 0, 0);
}
