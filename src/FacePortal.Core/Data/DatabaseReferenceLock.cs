namespace FacePortal.Core.Data;

/// <summary>
/// The blob store's reference lock as a database lock, for shared databases (PostgreSQL, SQL
/// Server) where several processes store and delete files: a session-level advisory lock
/// (<c>pg_advisory_lock</c>) or application lock (<c>sp_getapplock</c>) held on a connection of its
/// own until released. A process that dies loses its connection and with it the lock.
/// </summary>
public sealed class DatabaseReferenceLock(IDbContextFactory<FacePortalDbContext> databases, DatabaseProvider provider) : IReferenceLock
{
    /// <summary>The advisory lock's key: any fixed number no other code uses ("FPBLOBRF").</summary>
    private const long PostgresKey = 0x4650424C4F425246;
    private const string SqlServerResource = "FacePortal.BlobReferences";

    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await db.Database.ExecuteSqlRawAsync(LockSql, cancellationToken).ConfigureAwait(false);
            return new Held(db, UnlockSql);
        }
        catch
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private string LockSql => provider switch
    {
        DatabaseProvider.Postgres => $"SELECT pg_advisory_lock({PostgresKey})",
        DatabaseProvider.SqlServer => $"EXEC sp_getapplock @Resource = '{SqlServerResource}', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1",
        _ => throw new NotSupportedException($"{provider} has no database lock; SQLite uses the in-process one."),
    };

    private string UnlockSql => provider == DatabaseProvider.Postgres
        ? $"SELECT pg_advisory_unlock({PostgresKey})"
        : $"EXEC sp_releaseapplock @Resource = '{SqlServerResource}', @LockOwner = 'Session'";

    private sealed class Held(FacePortalDbContext db, string unlockSql) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                // Explicitly: a pooled connection would otherwise keep the session, and the lock, alive.
                db.Database.ExecuteSqlRaw(unlockSql);
            }
            finally
            {
                db.Dispose();
            }
        }
    }
}
