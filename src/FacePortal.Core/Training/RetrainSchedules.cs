namespace FacePortal.Core.Training;

/// <summary>
/// The recurring retrains' records, one schedule per gallery: its cron, the decisions each run made, and
/// what a run reads to decide (who of the gallery can be learnt, whether faces changed).
/// </summary>
public sealed class RetrainSchedules(IDbContextFactory<FacePortalDbContext> databases, TimeProvider time)
{
    /// <summary><paramref name="galleryId"/>'s schedule (off, nightly, when it was never saved).</summary>
    public async Task<RetrainSchedule> GetAsync(Guid galleryId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.RetrainSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.GalleryId == galleryId, cancellationToken).ConfigureAwait(false)
            ?? new RetrainSchedule { GalleryId = galleryId };
    }

    /// <summary>Every saved schedule, for applying them to the job queue at start-up.</summary>
    public async Task<IReadOnlyList<RetrainSchedule>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.RetrainSchedules.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SaveAsync(Guid galleryId, bool enabled, string cron, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var gallery = await db.Galleries.Where(g => g.Id == galleryId).Select(g => g.Name).SingleAsync(cancellationToken).ConfigureAwait(false);
        var schedule = await db.RetrainSchedules.SingleOrDefaultAsync(s => s.GalleryId == galleryId, cancellationToken).ConfigureAwait(false);
        if (schedule is null)
        {
            schedule = new RetrainSchedule { GalleryId = galleryId };
            db.RetrainSchedules.Add(schedule);
        }

        (schedule.Enabled, schedule.Cron, schedule.UpdatedBy, schedule.UpdatedAt) = (enabled, cron, actor, Now);
        AuditTrail.Add(
            db, Now, actor, AuditActions.RetrainScheduled, galleryId.ToString(),
            enabled ? $"Scheduled retraining of {gallery} on '{cron}' (UTC)." : $"Turned scheduled retraining of {gallery} off.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AddDecisionAsync(Guid galleryId, string outcome, string reason, Guid? jobId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.RetrainDecisions.Add(new RetrainDecision { GalleryId = galleryId, At = Now, Outcome = outcome, Reason = reason, JobId = jobId });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><paramref name="galleryId"/>'s latest decisions, newest first.</summary>
    public async Task<IReadOnlyList<RetrainDecision>> DecisionsAsync(Guid galleryId, int take = 10, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.RetrainDecisions.AsNoTracking().Where(d => d.GalleryId == galleryId).OrderByDescending(d => d.At).Take(take)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>People of <paramref name="galleryId"/> with at least <paramref name="minFaces"/> enrolled faces, the ones its scheduled retrain can learn.</summary>
    public async Task<IReadOnlyList<Guid>> EligiblePeopleAsync(Guid galleryId, int minFaces, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Faces.Where(f => f.Person!.GalleryId == galleryId).GroupBy(f => f.PersonId).Where(g => g.Count() >= minFaces).Select(g => g.Key)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether a face of <paramref name="personIds"/> was enrolled or deleted after <paramref name="since"/>, or any person was deleted
    /// or any face set imported (from the audit trail, whose entries name the person as their subject; a deletion or import
    /// anywhere counts, which at worst trains once more than needed).
    /// </summary>
    public async Task<bool> FacesChangedSinceAsync(DateTime since, IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        string[] ofPerson = [AuditActions.PhotoEnrolled, AuditActions.PhotoDeleted, AuditActions.FaceDeleted];
        string[] anywhere = [AuditActions.PersonDeleted, AuditActions.FacesImported];
        var subjects = personIds.Select(id => id.ToString()).ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.AuditEntries.AnyAsync(
            a => a.At > since && (anywhere.Contains(a.Action) || (ofPerson.Contains(a.Action) && subjects.Contains(a.SubjectId!))), cancellationToken).ConfigureAwait(false);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
