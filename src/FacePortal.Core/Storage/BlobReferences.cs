namespace FacePortal.Core.Storage;

/// <summary>Deletes blobs that no photo, face or negative example refers to any more. Call it holding <see cref="BlobStore.LockReferencesAsync"/>.</summary>
public static class BlobReferences
{
    /// <summary>
    /// Files younger than this are never collected: an enrollment in another process (or one that
    /// has not taken the reference lock yet) may have written its blob but not yet its row.
    /// </summary>
    public static readonly TimeSpan OrphanMinAge = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Collects orphans older than <see cref="OrphanMinAge"/> under the reference lock and records
    /// what it removed in the audit trail: what start-up and the periodic sweep both run.
    /// </summary>
    public static async Task<int> SweepOrphansAsync(FacePortalDbContext db, BlobStore blobs, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(blobs);
        using var referenceLock = await blobs.LockReferencesAsync(cancellationToken).ConfigureAwait(false);
        var collected = await CollectOrphansAsync(db, blobs, nowUtc - OrphanMinAge, cancellationToken).ConfigureAwait(false);
        if (collected > 0)
        {
            AuditTrail.Add(
                db, nowUtc, AuditEntry.SystemActor, AuditActions.BlobsCollected, null,
                $"Removed {collected} file(s) that no photo or face referred to (left by an interrupted write or deletion).");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return collected;
    }

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
            .Concat(db.NegativeExamples.Where(n => hashes.Contains(n.CropHash)).Select(n => n.CropHash))
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
        var used = await ReferencedAsync(db, cancellationToken).ConfigureAwait(false);

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

    /// <summary>Every blob a row refers to: photos' files, faces' aligned crops and the crops of faces marked "not this person".</summary>
    public static async Task<HashSet<string>> ReferencedAsync(FacePortalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var used = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var hash in db.Photos.Select(p => p.ContentHash).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            used.Add(hash);
        }

        await foreach (var hash in db.Faces.Select(f => f.CropHash).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            used.Add(hash);
        }

        await foreach (var hash in db.NegativeExamples.Select(n => n.CropHash).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            used.Add(hash);
        }

        return used;
    }
}
