using FacePortal.Core.Hosting;

namespace FacePortal.Core.Data;

/// <summary>
/// Brings the schema up to date (whichever node starts first does it; the others find it done) and
/// removes blobs no row refers to, which a process that died mid-write left behind.
/// </summary>
public sealed class DatabaseStep(IServiceProvider services, DataDirectory dataDirectory, TimeProvider time, ILogger<DatabaseStep> logger) : IStartupStep
{
    public string Name => "migrate the database";

    public int Order => StartupOrder.Database;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var collected = await DatabaseInitializer.InitializeAsync(
            services.GetRequiredService<IDbContextFactory<FacePortalDbContext>>(),
            services.GetRequiredService<BlobStore>(),
            time.GetUtcNow().UtcDateTime,
            cancellationToken).ConfigureAwait(false);
        if (collected > 0)
        {
            logger.LogWarning("Removed {Count} orphaned file(s) from the blob store", collected);
        }

        logger.LogInformation(
            "Data directory {DataDirectory}; database provider {Provider}",
            dataDirectory.Path, services.GetRequiredService<DatabaseOptions>().Provider);
    }
}
