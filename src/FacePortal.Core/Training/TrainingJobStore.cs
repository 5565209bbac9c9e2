using FacePortal.Core.Auditing;
using FacePortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Core.Training;

/// <summary>
/// Training jobs' state in our database: queued, started (again, after a crash: the earlier
/// attempt's epochs and models are cleared first, so a retry never duplicates results), progress,
/// epochs, outcome, cancellation. The job queue only executes; this is what the UI reads.
/// </summary>
public sealed class TrainingJobStore(IDbContextFactory<FacePortalDbContext> databases, TimeProvider time)
{
    public async Task<TrainingJob> QueueAsync(string requestJson, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = Now;
        var job = new TrainingJob { RequestedBy = actor, RequestJson = requestJson, CreatedAt = now, Status = TrainingJobStatus.Queued, Stage = "Waiting for a worker" };
        db.TrainingJobs.Add(job);
        db.AuditEntries.Add(new AuditEntry { At = now, Actor = actor, Action = AuditActions.TrainingQueued, SubjectId = job.Id.ToString(), Details = "Queued a training job." });
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
    public async Task<string?> StartAsync(Guid jobId, CancellationToken cancellationToken = default)
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
        return job.RequestJson;
    }

    public void Report(Guid jobId, string stage, double progress)
    {
        using var db = databases.CreateDbContext();
        SetStage(db, jobId, stage, progress);
    }

    /// <summary>Records an epoch and says whether someone asked to cancel the job meanwhile.</summary>
    public bool AddEpoch(TrainingEpoch epoch, string stage, double progress)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        using var db = databases.CreateDbContext();
        db.TrainingEpochs.Add(epoch);
        db.SaveChanges();
        SetStage(db, epoch.JobId, stage, progress);
        return db.TrainingJobs.Where(j => j.Id == epoch.JobId).Select(j => j.CancelRequested).Single();
    }

    public bool IsCancelRequested(Guid jobId)
    {
        using var db = databases.CreateDbContext();
        return db.TrainingJobs.Where(j => j.Id == jobId).Select(j => j.CancelRequested).SingleOrDefault();
    }

    public async Task CompleteAsync(Guid jobId, int bestEpoch, double validationAccuracy, string resultJson, IReadOnlyList<TrainedModel> models, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(models);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var job = await db.TrainingJobs.SingleAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
        job.BestEpoch = bestEpoch;
        job.ValidationAccuracy = validationAccuracy;
        job.ResultJson = resultJson;
        job.Progress = 1;
        Finish(job, TrainingJobStatus.Succeeded, "Finished");
        var now = Now;
        foreach (var model in models)
        {
            model.JobId = jobId;
            model.CreatedAt = now;
            db.TrainedModels.Add(model);
        }

        db.AuditEntries.Add(new AuditEntry { At = now, Actor = AuditEntry.SystemActor, Action = AuditActions.TrainingFinished, SubjectId = jobId.ToString(), Details = $"Training finished: validation accuracy {validationAccuracy:P1} at epoch {bestEpoch}." });
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

    /// <summary>Asks a job to stop; returns the queue's id for it (null when it already ended or does not exist).</summary>
    public async Task<string?> RequestCancelAsync(Guid jobId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var job = await db.TrainingJobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
        if (job is null || job.Status is not (TrainingJobStatus.Queued or TrainingJobStatus.Running))
        {
            return null;
        }

        job.CancelRequested = true;
        job.Stage = "Cancelling";
        if (job.Status == TrainingJobStatus.Queued)
        {
            Finish(job, TrainingJobStatus.Cancelled, "Cancelled before it started.");
        }

        db.AuditEntries.Add(new AuditEntry { At = Now, Actor = actor, Action = AuditActions.TrainingCancelled, SubjectId = jobId.ToString(), Details = "Asked the training job to stop." });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return job.QueueJobId ?? string.Empty;
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

    public async Task<TrainingJob?> GetAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.TrainingJobs.AsNoTracking().Include(j => j.Epochs.OrderBy(e => e.Epoch))
            .SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Models without their checkpoint bytes, newest first.</summary>
    public async Task<IReadOnlyList<TrainedModel>> ModelsAsync(Guid? jobId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.TrainedModels.AsNoTracking()
            .Where(m => jobId == null || m.JobId == jobId)
            .OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Kind)
            .Select(m => new TrainedModel
            {
                Id = m.Id, JobId = m.JobId, Kind = m.Kind, Epoch = m.Epoch, ValidationLoss = m.ValidationLoss, ValidationAccuracy = m.ValidationAccuracy,
                ClassesJson = m.ClassesJson, ProbabilityThreshold = m.ProbabilityThreshold, Checkpoint = Array.Empty<byte>(), IsActive = m.IsActive, CreatedAt = m.CreatedAt,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteModelAsync(Guid modelId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await db.TrainedModels.Where(m => m.Id == modelId && !m.IsActive).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (deleted == 0)
        {
            return false;
        }

        db.AuditEntries.Add(new AuditEntry { At = Now, Actor = actor, Action = AuditActions.ModelDeleted, SubjectId = modelId.ToString(), Details = "Deleted a trained model." });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<byte[]?> CheckpointAsync(Guid modelId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.TrainedModels.Where(m => m.Id == modelId).Select(m => m.Checkpoint).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<RetrainSchedule> ScheduleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.RetrainSchedules.AsNoTracking().SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? new RetrainSchedule();
    }

    public async Task SaveScheduleAsync(bool enabled, string cron, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var schedule = await db.RetrainSchedules.SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (schedule is null)
        {
            schedule = new RetrainSchedule();
            db.RetrainSchedules.Add(schedule);
        }

        (schedule.Enabled, schedule.Cron, schedule.UpdatedBy, schedule.UpdatedAt) = (enabled, cron, actor, Now);
        db.AuditEntries.Add(new AuditEntry
        {
            At = Now, Actor = actor, Action = AuditActions.RetrainScheduled, SubjectId = "schedule",
            Details = enabled ? $"Scheduled retraining on '{cron}' (UTC)." : "Turned scheduled retraining off.",
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AddDecisionAsync(string outcome, string reason, Guid? jobId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.RetrainDecisions.Add(new RetrainDecision { At = Now, Outcome = outcome, Reason = reason, JobId = jobId });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RetrainDecision>> DecisionsAsync(int take = 10, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.RetrainDecisions.AsNoTracking().OrderByDescending(d => d.At).Take(take).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>People with at least <paramref name="minFaces"/> enrolled faces, the ones a retrain can learn.</summary>
    public async Task<IReadOnlyList<Guid>> EligiblePeopleAsync(int minFaces, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Faces.GroupBy(f => f.PersonId).Where(g => g.Count() >= minFaces).Select(g => g.Key)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether any face was enrolled, imported or deleted, or any person deleted, after <paramref name="since"/> (from the audit trail).</summary>
    public async Task<bool> FacesChangedSinceAsync(DateTime since, CancellationToken cancellationToken = default)
    {
        string[] changes = [AuditActions.PhotoEnrolled, AuditActions.PhotoDeleted, AuditActions.FaceDeleted, AuditActions.PersonDeleted, AuditActions.FacesImported];
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.AuditEntries.AnyAsync(a => a.At > since && changes.Contains(a.Action), cancellationToken).ConfigureAwait(false);
    }

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

    private static void SetStage(FacePortalDbContext db, Guid jobId, string stage, double progress) =>
        db.TrainingJobs.Where(j => j.Id == jobId).ExecuteUpdate(s => s.SetProperty(j => j.Stage, stage).SetProperty(j => j.Progress, progress));

    private void Finish(TrainingJob job, TrainingJobStatus status, string stage)
    {
        job.Status = status;
        job.Stage = stage;
        job.FinishedAt = Now;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
