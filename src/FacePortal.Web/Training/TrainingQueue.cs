using FacePortal.Core;
using FacePortal.Core.Jobs;
using Hangfire;
using Hangfire.States;

namespace FacePortal.Web.Training;

/// <summary>Queues and cancels training jobs: our database records them, Hangfire executes them by id.</summary>
public sealed class TrainingQueue(TrainingJobs jobs, IBackgroundJobClient client)
{
    public const string QueueName = TrainingJobServer.QueueName;

    /// <summary>Queues a job and returns its id, or fails with the request's first problem.</summary>
    public async Task<Outcome<Guid>> QueueAsync(TrainingRequest request, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((request.Validate() ?? await jobs.PeopleProblemAsync(request.PersonIds, cancellationToken)) is { } problem)
        {
            return Outcome.Failed<Guid>(problem);
        }

        var job = await jobs.QueueAsync(request, actor, cancellationToken);
        await EnqueueAsync(job.Id, cancellationToken);
        return Outcome.Ok(job.Id);
    }

    /// <summary>Hands a recorded job to Hangfire (again, after a restart lost the in-memory queue).</summary>
    public async Task EnqueueAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        var queueId = client.Create<TrainingJobRunner>(runner => runner.RunAsync(jobId, CancellationToken.None), new EnqueuedState(QueueName));
        await jobs.SetQueueJobIdAsync(jobId, queueId, cancellationToken);
    }

    /// <summary>Asks a job to stop: a waiting one is cancelled at once, a running one at its next epoch or sooner.</summary>
    public async Task<Outcome> CancelAsync(Guid jobId, string actor, CancellationToken cancellationToken = default)
    {
        var requested = await jobs.RequestCancelAsync(jobId, actor, cancellationToken);
        if (requested is { Succeeded: true, Value: { } queueId })
        {
            // Deleting the Hangfire job also signals the running job's cancellation token.
            client.Delete(queueId);
        }

        return requested;
    }
}
