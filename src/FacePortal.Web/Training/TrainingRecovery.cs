using FacePortal.Core.Jobs;

namespace FacePortal.Web.Training;

/// <summary>
/// With in-memory job storage a restart forgets the queue; our database still lists the jobs that
/// were waiting or running, so they are queued again and start over cleanly.
/// </summary>
public sealed class TrainingRecovery(TrainingJobs jobs, TrainingQueue queue, JobStorageOptions options, ILogger<TrainingRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Storage != JobStorageKind.InMemory)
        {
            return; // A persistent queue hands interrupted jobs back by itself.
        }

        foreach (var jobId in await jobs.UnfinishedAsync(cancellationToken))
        {
            logger.LogWarning("Training job {JobId} was interrupted by a restart; queueing it again", jobId);
            await queue.EnqueueAsync(jobId, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
