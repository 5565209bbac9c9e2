using FacePortal.Core.Auditing;
using FacePortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Core.Training;

/// <summary>
/// Training jobs' state in our database: queued, started (again, after a crash: the earlier
/// attempt's epochs and models are cleared first, so a retry never duplicates results), progress,
/// outcome, cancellation. The job queue only executes; this is what the UI reads.
/// </summary>
public sealed class TrainingJobs(IDbContextFactory<FacePortalDbContext> databases, TimeProvider time, TrainingMetrics metrics)
{
    public async Task<TrainingJob> QueueAsync(TrainingRequest request, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = Now;
        var job = new TrainingJob { RequestedBy = actor, Request = request, CreatedAt = now, Status = TrainingJobStatus.Queued, Stage = "Waiting for a worker" };
        db.TrainingJobs.Add(job);
        AuditTrail.Add(db, now, actor, AuditActions.TrainingQueued, job.Id.ToString(), "Queued a training job.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return job;
    }

    public async Task SetQueueJobIdAsync(Guid jobId, string queueJobId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.TrainingJobs.Where(j => j.Id == jobId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.QueueJobId, queueJobId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks the job running and returns its request, or null when there is nothing to run (it is
    /// gone, finished, or was cancelled while it waited).
    /// </summary>
    public async Task<TrainingRequest?> StartAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var job = await db.TrainingJobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
        if (job is null || job.Status is TrainingJobStatus.Succeeded or TrainingJobStatus.Failed or TrainingJobStatus.Cancelled)
        {
            return null;
        }

        if (job.CancelRequested)
        {
            Finish(job, TrainingJobStatus.Cancelled, "Cancelled before it started.");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        // A restarted attempt starts from scratch: nothing of the interrupted one may be counted twice.
        await db.TrainingEpochs.Where(e => e.JobId == jobId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.TrainedModels.Where(m => m.JobId == jobId && !m.IsActive).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        job.Attempts++;
        job.Status = TrainingJobStatus.Running;
        job.StartedAt = Now;
        job.Progress = 0;
        job.Stage = job.Attempts > 1 ? $"Restarted (attempt {job.Attempts})" : "Starting";
        job.Error = null;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return job.Request;
    }

    public void Report(Guid jobId, string stage, double progress)
    {
        using var db = databases.CreateDbContext();
        SetStage(db, jobId, stage, progress);
    }

    public bool IsCancelRequested(Guid jobId)
    {
        using var db = databases.CreateDbContext();
        return db.TrainingJobs.Where(j => j.Id == jobId).Select(j => j.CancelRequested).SingleOrDefault();
    }

    /// <summary>Records the job's success with its results and the models it trained, in one step.</summary>
    public async Task CompleteAsync(Guid jobId, TrainingSummary result, IReadOnlyList<TrainedModel> models, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(models);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var job = await db.TrainingJobs.SingleAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
        job.BestEpoch = result.BestEpoch;
        job.ValidationAccuracy = result.ValidationAccuracy;
        job.Result = result;
        job.Progress = 1;
        Finish(job, TrainingJobStatus.Succeeded, "Finished");
        var now = Now;
        foreach (var model in models)
        {
            model.JobId = jobId;
            model.CreatedAt = now;
            db.TrainedModels.Add(model);
        }

        AuditTrail.Add(
            db, now, AuditEntry.SystemActor, AuditActions.TrainingFinished, jobId.ToString(),
            $"Training finished: validation accuracy {result.ValidationAccuracy:P1} at epoch {result.BestEpoch}.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task FailAsync(Guid jobId, string error, CancellationToken cancellationToken = default) =>
        EndAsync(jobId, TrainingJobStatus.Failed, "Failed", error.Length > TrainingJob.MaxErrorLength ? error[..TrainingJob.MaxErrorLength] : error, cancellationToken);

    public Task CancelledAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        EndAsync(jobId, TrainingJobStatus.Cancelled, "Cancelled", null, cancellationToken);

    /// <summary>A job interrupted by a shutdown goes back to the queue's care; its next attempt starts over.</summary>
    public async Task InterruptedAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.TrainingJobs.Where(j => j.Id == jobId && j.Status == TrainingJobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, TrainingJobStatus.Queued).SetProperty(j => j.Stage, "Interrupted by a shutdown; it will start again"), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Asks a job to stop; on success the value is the queue's id for it, if it was handed to the queue.</summary>
    public async Task<Outcome<string?>> RequestCancelAsync(Guid jobId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var job = await db.TrainingJobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
        if (job is null || job.Status is not (TrainingJobStatus.Queued or TrainingJobStatus.Running))
        {
            return Outcome.Failed<string?>("This job has already ended or does not exist.");
        }

        job.CancelRequested = true;
        job.Stage = "Cancelling";
        if (job.Status == TrainingJobStatus.Queued)
        {
            Finish(job, TrainingJobStatus.Cancelled, "Cancelled before it started.");
        }

        AuditTrail.Add(db, Now, actor, AuditActions.TrainingCancelled, jobId.ToString(), "Asked the training job to stop.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Outcome.Ok(job.QueueJobId);
    }

    public async Task<IReadOnlyList<TrainingJob>> ListAsync(int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.TrainingJobs.AsNoTracking().OrderByDescending(j => j.CreatedAt).Take(take).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Jobs the queue may have lost (an in-memory queue forgets everything on restart).</summary>
    public async Task<IReadOnlyList<Guid>> UnfinishedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.TrainingJobs.Where(j => j.Status == TrainingJobStatus.Queued || j.Status == TrainingJobStatus.Running)
            .OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The job with its epochs in order, or null.</summary>
    public async Task<TrainingJob?> GetAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.TrainingJobs.AsNoTracking().Include(j => j.Epochs.OrderBy(e => e.Epoch))
            .SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
    }

    internal static void SetStage(FacePortalDbContext db, Guid jobId, string stage, double progress) =>
        db.TrainingJobs.Where(j => j.Id == jobId).ExecuteUpdate(s => s.SetProperty(j => j.Stage, stage).SetProperty(j => j.Progress, progress));

    private async Task EndAsync(Guid jobId, TrainingJobStatus status, string stage, string? error, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var job = await db.TrainingJobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return;
        }

        job.Error = error;
        Finish(job, status, stage);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Finish(TrainingJob job, TrainingJobStatus status, string stage)
    {
        job.Status = status;
        job.Stage = stage;
        job.FinishedAt = Now;
        if (job.StartedAt is { } started)
        {
            metrics.Finished(status, job.FinishedAt.Value - started);
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
