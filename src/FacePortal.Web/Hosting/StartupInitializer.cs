using FacePortal.Core.Data;
using FacePortal.Core.Recognition;
using FacePortal.Core.Storage;
using FacePortal.Shared.Models;
using FacePortal.Web.Accounts;
using FacePortal.Web.Health;
using FacePortal.Web.Uploads;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Web.Hosting;

/// <summary>
/// The work before the app takes its first request: check that the data directory can be written;
/// load, verify and warm up the models; migrate the database and sweep orphaned files and request
/// buffers; migrate the accounts and seed the first admin; load the gallery and the model in use. It runs in <see cref="StartingAsync"/>, before any hosted service
/// starts (the web server, Hangfire's server, training recovery), so each of them finds it done.
/// </summary>
public sealed class StartupInitializer(
    IServiceProvider services,
    DataDirectory dataDirectory,
    TimeProvider time,
    ILogger<StartupInitializer> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        // First, so that a read-only or full disk stops start-up with one line (StartupFailure) before anything half-starts.
        await dataDirectory.EnsureWritableAsync(cancellationToken);
        LoadModels();
        await InitializeDatabaseAsync(cancellationToken);

        // Not listening yet, so no request is using a buffer: every one there was left by a process that died.
        services.GetRequiredService<StorageSweeper>().SweepRequestBuffers(DateTime.MaxValue);
        await FirstAdminSeeder.SeedAsync(services, services.GetRequiredService<FirstAdminOptions>(), logger, cancellationToken);
        logger.LogInformation(
            "Data directory {DataDirectory}; database provider {Provider}",
            dataDirectory.Path, services.GetRequiredService<DatabaseOptions>().Provider);
        await LoadRecognizerAsync(cancellationToken);
    }

    private void LoadModels()
    {
        // The first request for the models loads them, checking each file against its pinned hash.
        var models = services.GetRequiredService<FaceModels>();
        logger.LogInformation(
            "Face models loaded from {Directory} in {LoadMs:0} ms; execution provider {Provider} ({Note}); {Threads} intra-op thread(s) per session",
            models.Directory, models.LoadTime.TotalMilliseconds, models.ExecutionProvider, models.ExecutionProviderNote ?? "device found", models.Options.IntraOpThreads);

        var status = services.GetRequiredService<PipelineStatus>();
        logger.LogInformation("Warm-up inference took {WarmupMs:0.0} ms", status.Warmup.Total.TotalMilliseconds);
    }

    private async Task InitializeDatabaseAsync(CancellationToken cancellationToken)
    {
        var collected = await DatabaseInitializer.InitializeAsync(
            services.GetRequiredService<IDbContextFactory<FacePortalDbContext>>(),
            services.GetRequiredService<BlobStore>(),
            time.GetUtcNow().UtcDateTime,
            cancellationToken);
        if (collected > 0)
        {
            logger.LogWarning("Removed {Count} orphaned file(s) from the blob store", collected);
        }
    }

    private async Task LoadRecognizerAsync(CancellationToken cancellationToken)
    {
        var gallery = await services.GetRequiredService<RecognitionGallery>().GetIndexAsync(cancellationToken);
        var models = services.GetRequiredService<ActiveModelService>();
        await models.LoadAsync(cancellationToken);
        await services.GetRequiredService<RecognitionSettingsService>().LoadAsync(cancellationToken);
        logger.LogInformation(
            "Recognition gallery: {Faces} face(s) of {People} people; recognizer: {Recognizer}",
            gallery.FaceCount, gallery.PersonCount, models.Current?.Description ?? "gallery");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
