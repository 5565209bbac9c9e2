using FacePortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Core.Storage;

/// <summary>Deletes blobs that no photo or face refers to any more. Call it holding <see cref="BlobStore.LockReferencesAsync"/>.</summary>
public static class BlobReferences
{
    public static async Task<int> DeleteUnreferencedAsync(FacePortalDbContext db, BlobStore blobs, IEnumerable<string> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(blobs);
        var hashes = candidates.Where(BlobStore.IsValidHash).Distinct().ToList();
        if (hashes.Count == 0)
        {
            return 0;
        }

        var stillUsed = await db.Photos.Where(p => hashes.Contains(p.ContentHash)).Select(p => p.ContentHash)
            .Concat(db.Faces.Where(f => hashes.Contains(f.CropHash)).Select(f => f.CropHash))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        foreach (var hash in hashes.Except(stillUsed))
        {
            if (blobs.Delete(hash))
            {
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary>
    /// Removes files no row refers to: left by a process that died between writing a file and
    /// committing its row, or between deleting rows and deleting files. Young files are skipped,
    /// since an enrollment in progress has written its blob but not yet its row.
    /// </summary>
    public static async Task<int> CollectOrphansAsync(FacePortalDbContext db, BlobStore blobs, DateTime olderThanUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(blobs);
        var used = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var hash in db.Photos.Select(p => p.ContentHash).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            used.Add(hash);
        }

        await foreach (var hash in db.Faces.Select(f => f.CropHash).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            used.Add(hash);
        }

        var deleted = blobs.DeleteStaleTempFiles(olderThanUtc);
        foreach (var (hash, written) in blobs.Enumerate().ToList())
        {
            if (written < olderThanUtc && !used.Contains(hash) && blobs.Delete(hash))
            {
                deleted++;
            }
        }

        return deleted;
    }
}
