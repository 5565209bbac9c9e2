namespace FacePortal.Core.Data;

/// <summary>At start-up: applies migrations and removes files a crashed process left behind.</summary>
public static class DatabaseInitializer
{
    public static async Task<int> InitializeAsync(IDbContextFactory<FacePortalDbContext> databases, BlobStore blobs, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(databases);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.IsSqlite())
        {
            // Readers (the live page, exports) then never wait for an enrollment's write.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        return await BlobReferences.SweepOrphansAsync(db, blobs, nowUtc, cancellationToken).ConfigureAwait(false);
    }
}
