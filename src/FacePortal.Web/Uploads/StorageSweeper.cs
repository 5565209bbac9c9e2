namespace FacePortal.Web.Uploads;

/// <summary>
/// Removes what interrupted work leaves on disk, without waiting for a restart: request buffers
/// of requests that died with the process (or were abandoned), and blobs that no row refers to.
/// Start-up removes every request buffer once before the server listens (<see cref="RequestBufferSweepStep"/>),
/// and the orphaned blobs with the migration (<see cref="FacePortal.Core.Data.DatabaseStep"/>).
/// </summary>
public sealed class StorageSweeper(
    RequestBuffers buffers,
    BlobStore blobs,
    IDbContextFactory<FacePortalDbContext> databases,
    StorageSweepOptions options,
    TimeProvider time,
    ILogger<StorageSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A full or read-only disk, or a database that is down: tried again at the next tick.
                logger.LogWarning(ex, "The storage sweep failed; it runs again in {Interval}", options.Interval);
            }
        }
    }

    /// <summary>Removes request buffers older than <see cref="StorageSweepOptions.RequestBufferAge"/> and orphaned blobs.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        SweepRequestBuffers(now - options.RequestBufferAge);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var collected = await BlobReferences.SweepOrphansAsync(db, blobs, now, cancellationToken);
        if (collected > 0)
        {
            logger.LogWarning("Removed {Count} orphaned file(s) from the blob store", collected);
        }
    }

    /// <summary>Removes request buffers last written before <paramref name="olderThanUtc"/>.</summary>
    public void SweepRequestBuffers(DateTime olderThanUtc)
    {
        var removed = buffers.DeleteStale(olderThanUtc);
        if (removed > 0)
        {
            logger.LogWarning("Removed {Count} request buffer(s) left by interrupted requests from {Folder}", removed, buffers.Folder);
        }
    }
}
