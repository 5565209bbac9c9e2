namespace FacePortal.Core.People;

/// <summary>
/// The files behind photos and faces, found by id, so callers never see the blob store's paths.
/// Each answer is null when there is no such row or its file is gone.
/// </summary>
public sealed class MediaService(IDbContextFactory<FacePortalDbContext> databases, BlobStore blobs)
{
    /// <summary>The crops are written as PNG at enrollment.</summary>
    public const string CropContentType = "image/png";

    public async Task<MediaFile?> OpenPhotoAsync(Guid photoId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var photo = await db.Photos.AsNoTracking().Where(p => p.Id == photoId)
            .Select(p => new { p.ContentHash, p.ContentType })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return photo is not null && blobs.OpenRead(photo.ContentHash) is { } stream ? new MediaFile(stream, photo.ContentType) : null;
    }

    /// <summary>A photo's bytes, for callers that decode it (thumbnails).</summary>
    public async Task<byte[]?> ReadPhotoAsync(Guid photoId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var hash = await db.Photos.AsNoTracking().Where(p => p.Id == photoId).Select(p => p.ContentHash)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return hash is null ? null : await blobs.ReadAllAsync(hash, cancellationToken).ConfigureAwait(false);
    }

    public async Task<MediaFile?> OpenFaceCropAsync(Guid faceId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var hash = await db.Faces.AsNoTracking().Where(f => f.Id == faceId).Select(f => f.CropHash)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return hash is not null && blobs.OpenRead(hash) is { } stream ? new MediaFile(stream, CropContentType) : null;
    }
}
