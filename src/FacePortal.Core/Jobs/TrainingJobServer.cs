using Hangfire;
using Microsoft.Extensions.Hosting;

namespace FacePortal.Core.Jobs;

/// <summary>
/// The Hangfire server that executes training jobs in this process, on the training queue, with
/// <see cref="JobStorageOptions.TrainingWorkers"/> workers; none on a web node with RunInWeb=false.
/// On stop the jobs in flight are cancelled at once and get <see cref="JobStorageOptions.ShutdownTimeout"/>
/// to hand themselves back to the queue, where another worker takes them.
/// </summary>
public sealed class TrainingJobServer(
    IServiceProvider services, JobStorage storage, JobActivator activator, JobStorageOptions options, WorkerIdentity identity, ILogger<TrainingJobServer> logger) : IHostedService, IDisposable
{
    /// <summary>The queue training jobs go to (recurring retrains too).</summary>
    public const string QueueName = "training";

    private BackgroundJobServer? _server;
    private volatile bool _disposed;

    public bool IsRunning => _server is not null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (identity.Role == JobHostRole.Web && !options.RunInWeb)
        {
            logger.LogInformation("Training jobs run in worker processes only (FacePortal:Jobs:RunInWeb=false)");
            return Task.CompletedTask;
        }

        // Hangfire applies AddHangfire's settings (serializer, compatibility level, logging) when its
        // configuration is first resolved; a worker has no client that would do it first.
        _ = services.GetRequiredService<IGlobalConfiguration>();
        _server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                ServerName = identity.Name,

                // Recurring jobs may land on Hangfire's default queue whatever queue they name; this server takes both.
                Queues = [QueueName, "default"],
                WorkerCount = options.TrainingWorkers,
                Activator = activator,
                StopTimeout = TimeSpan.Zero,
                ShutdownTimeout = options.ShutdownTimeout,
            },
            storage);
        logger.LogInformation(
            "Training worker {Worker}: {Workers} worker(s) on the {Queue} queue, {Storage} storage",
            identity.Name, options.TrainingWorkers, QueueName, options.Storage);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host can be stopped twice (the entry point's RunAsync and a test host's own stop, concurrently):
        // the second may come after the first disposed the container, and with it this server.
        if (_server is null || _disposed)
        {
            return;
        }

        _server.SendStop();
        await _server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _disposed = true;
        _server?.Dispose();
    }
}
