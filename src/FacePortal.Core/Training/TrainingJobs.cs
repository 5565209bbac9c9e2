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

    /// <summary>
    /// Why these people cannot be trained on together, or null: every one must exist, and all must be in one gallery,
    /// since the model a job makes names the people of the gallery it recognises in.
    /// </summary>
    public async Task<string?> PeopleProblemAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var ids = personIds.Distinct().ToList();
        var found = await (from p in db.People
                           where ids.Contains(p.Id)
                           join g in db.Galleries on p.GalleryId equals g.Id
                           select new { p.Id, Gallery = g.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (found.Count < ids.Count)
        {
            var missing = ids.Count - found.Count;
            return missing == 1 ? "One of the people chosen no longer exists." : $"{missing} of the people chosen no longer exist.";
        }

        var galleries = found.Select(p => p.Gallery).Distinct().Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        return galleries.Count > 1
            ? $"The people chosen are in {galleries.Count} galleries ({string.Join(", ", galleries)}): a job trains on one gallery's people, and its model recognises in that gallery."
            : null;
    }

    public async Task SetQueueJobIdAsync(Guid jobId, string queueJobId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.TrainingJobs.Where(j => j.Id == jobId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.QueueJobId, queueJobId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks the job running as a new attempt by <paramref name="worker"/> and returns its request
    /// and attempt number, or null when there is nothing to run (it is gone, finished, or was
    /// cancelled while it waited). An earlier attempt still marked running was lost with its worker.
    /// </summary>
    public async Task<TrainingAttemptStart?> StartAsync(Guid jobId, string worker, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var job = await db.TrainingJobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
        if (job is null || job.Status is TrainingJobStatus.Succeeded or TrainingJobStatus.Failed or TrainingJobStatus.Cancelled)
        {
            return null;
        }

        var now = Now;
        if (job.CancelRequested)
        {
            Finish(job, TrainingJobStatus.Cancelled, "Cancelled before it started.");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        // A restarted attempt starts from scratch: nothing of the interrupted one may be counted twice.
        await db.TrainingEpochs.Where(e => e.JobId == jobId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.TrainedModels.Where(m => m.JobId == jobId && !m.IsActive).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.TrainingAttempts.Where(a => a.JobId == jobId && a.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.EndedAt, now).SetProperty(a => a.Outcome, TrainingAttemptOutcome.Lost), cancellationToken)
            .ConfigureAwait(false);
        job.Attempts++;
        job.Status = TrainingJobStatus.Running;
        job.StartedAt = now;
        job.Progress = 0;
        job.Stage = job.Attempts > 1 ? $"Restarted (attempt {job.Attempts})" : "Starting";
        job.Error = null;
        db.TrainingAttempts.Add(new TrainingAttempt
        {
            JobId = jobId,
            Number = job.Attempts,
            Worker = worker.Length > TrainingAttempt.MaxWorkerLength ? worker[..TrainingAttempt.MaxWorkerLength] : worker,
            StartedAt = now,
            Outcome = TrainingAttemptOutcome.Running,
        });

        // Two workers starting the same job at once (a redelivery racing a slow one) cannot both
        // win: the attempt's key (job, number) admits one of them.
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new TrainingAttemptStart(job.Request, job.Attempts);
    }

    /// <summary>Whether <paramref name="attempt"/> is still the job's latest attempt and still running (else its results must be dropped).</summary>
    public async Task<bool> OwnsAsync(Guid jobId, int attempt, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.TrainingAttempts.AnyAsync(
            a => a.JobId == jobId && a.Number == attempt && a.Outcome == TrainingAttemptOutcome.Running
                && !db.TrainingAttempts.Any(newer => newer.JobId == jobId && newer.Number > attempt),
            cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Records the job's success with its results and the models it trained, in one step; false
    /// (nothing written) when a newer attempt took the job over meanwhile.
    /// </summary>
    public async Task<bool> CompleteAsync(Guid jobId, int attempt, TrainingSummary result, IReadOnlyList<TrainedModel> models, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(models);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var job = await db.TrainingJobs.SingleAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
        if (!await EndAttemptAsync(db, job, attempt, TrainingAttemptOutcome.Succeeded, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        job.BestEpoch = result.BestEpoch;
        job.ValidationAccuracy = result.ValidationAccuracy;
        job.Result = result;
        job.Progress = 1;
        Finish(job, TrainingJobStatus.Succeeded, "Finished");
        var now = Now;
        var galleryId = await GalleryOfAsync(db, job.Request.PersonIds, cancellationToken).ConfigureAwait(false);
        foreach (var model in models)
        {
            model.JobId = jobId;
            model.GalleryId = galleryId;
            model.CreatedAt = now;
            db.TrainedModels.Add(model);
        }

        AuditTrail.Add(
            db, now, AuditEntry.SystemActor, AuditActions.TrainingFinished, jobId.ToString(),
            $"Training finished: validation accuracy {result.ValidationAccuracy:P1} at epoch {result.BestEpoch}.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The gallery a job's people are in (<see cref="PeopleProblemAsync"/> let it queue only with one), so its models are used there.
    /// Main when none is left: such a model names nobody wherever it is.
    /// </summary>
    private static async Task<Guid> GalleryOfAsync(FacePortalDbContext db, IReadOnlyList<Guid> personIds, CancellationToken cancellationToken) =>
        await db.People.Where(p => personIds.Contains(p.Id)).Select(p => (Guid?)p.GalleryId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
        ?? Galleries.Gallery.DefaultId;

    /// <summary>Ends the job as failed (its latest attempt, if one runs, with it).</summary>
    public Task FailAsync(Guid jobId, string error, CancellationToken cancellationToken = default) =>
        FailAsync(jobId, attempt: null, error, cancellationToken);

    /// <summary>Ends the job as failed, unless <paramref name="attempt"/> was superseded by a newer one.</summary>
    public Task FailAsync(Guid jobId, int? attempt, string error, CancellationToken cancellationToken = default) =>
        EndAsync(jobId, attempt, TrainingJobStatus.Failed, TrainingAttemptOutcome.Failed, "Failed",
            error.Length > TrainingJob.MaxErrorLength ? error[..TrainingJob.MaxErrorLength] : error, cancellationToken);

    public Task CancelledAsync(Guid jobId, int? attempt = null, CancellationToken cancellationToken = default) =>
        EndAsync(jobId, attempt, TrainingJobStatus.Cancelled, TrainingAttemptOutcome.Cancelled, "Cancelled", null, cancellationToken);

    /// <summary>
    /// A job interrupted by a shutdown goes back to the queue's care (the attempt is recorded as
    /// handed back); its next attempt, on whichever worker takes it, starts over.
    /// </summary>
    public async Task InterruptedAsync(Guid jobId, int attempt, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var job = await db.TrainingJobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
        if (job is null || !await EndAttemptAsync(db, job, attempt, TrainingAttemptOutcome.HandedBack, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (job.Status == TrainingJobStatus.Running)
        {
            job.Status = TrainingJobStatus.Queued;
            job.Stage = "Interrupted by a shutdown; it will start again";
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
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
        return await db.TrainingJobs.AsNoTracking().Include(j => j.Epochs.OrderBy(e => e.Epoch)).Include(j => j.AttemptHistory.OrderBy(a => a.Number))
            .AsSplitQuery().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
    }

    internal static void SetStage(FacePortalDbContext db, Guid jobId, string stage, double progress) =>
        db.TrainingJobs.Where(j => j.Id == jobId).ExecuteUpdate(s => s.SetProperty(j => j.Stage, stage).SetProperty(j => j.Progress, progress));

    private async Task EndAsync(
        Guid jobId, int? attempt, TrainingJobStatus status, TrainingAttemptOutcome outcome, string stage, string? error, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var job = await db.TrainingJobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
        if (job is null || !await EndAttemptAsync(db, job, attempt ?? job.Attempts, outcome, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        job.Error = error;
        Finish(job, status, stage);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Closes <paramref name="attempt"/> with <paramref name="outcome"/> (tracked, saved with the
    /// caller's changes); false when a newer attempt owns the job, in which case this one is
    /// recorded as superseded and the caller must leave the job alone.
    /// </summary>
    private async Task<bool> EndAttemptAsync(FacePortalDbContext db, TrainingJob job, int attempt, TrainingAttemptOutcome outcome, CancellationToken cancellationToken)
    {
        var record = await db.TrainingAttempts.SingleOrDefaultAsync(a => a.JobId == job.Id && a.Number == attempt, cancellationToken).ConfigureAwait(false);
        var current = job.Attempts == attempt;
        if (record is not null && record.EndedAt is null)
        {
            record.EndedAt = Now;
            record.Outcome = current ? outcome : TrainingAttemptOutcome.Superseded;
        }

        if (!current)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return current;
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
