using FacePortal.Core.Auditing;
using FacePortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Core.Training;

/// <summary>
/// The recurring retrain's records: its schedule, the decisions each run made, and what a run
/// reads to decide (who can be learnt, whether faces changed).
/// </summary>
public sealed class RetrainSchedules(IDbContextFactory<FacePortalDbContext> databases, TimeProvider time)
{
    public async Task<RetrainSchedule> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.RetrainSchedules.AsNoTracking().SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? new RetrainSchedule();
    }

    public async Task SaveAsync(bool enabled, string cron, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var schedule = await db.RetrainSchedules.SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (schedule is null)
        {
            schedule = new RetrainSchedule();
            db.RetrainSchedules.Add(schedule);
        }

        (schedule.Enabled, schedule.Cron, schedule.UpdatedBy, schedule.UpdatedAt) = (enabled, cron, actor, Now);
        AuditTrail.Add(
            db, Now, actor, AuditActions.RetrainScheduled, "schedule",
            enabled ? $"Scheduled retraining on '{cron}' (UTC)." : "Turned scheduled retraining off.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AddDecisionAsync(string outcome, string reason, Guid? jobId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.RetrainDecisions.Add(new RetrainDecision { At = Now, Outcome = outcome, Reason = reason, JobId = jobId });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The latest decisions, newest first.</summary>
    public async Task<IReadOnlyList<RetrainDecision>> DecisionsAsync(int take = 10, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.RetrainDecisions.AsNoTracking().OrderByDescending(d => d.At).Take(take).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>People of Main with at least <paramref name="minFaces"/> enrolled faces, the ones a scheduled retrain can learn.</summary>
    public async Task<IReadOnlyList<Guid>> EligiblePeopleAsync(int minFaces, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        // The scheduled retrain trains Main's people: a classifier names the people of one gallery (ActiveModelService), and other galleries' are trained on demand.
        return await db.Faces.Where(f => f.Person!.GalleryId == Galleries.Gallery.DefaultId).GroupBy(f => f.PersonId).Where(g => g.Count() >= minFaces).Select(g => g.Key)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether any face was enrolled, imported or deleted, or any person deleted, after <paramref name="since"/> (from the audit trail).</summary>
    public async Task<bool> FacesChangedSinceAsync(DateTime since, CancellationToken cancellationToken = default)
    {
        string[] changes = [AuditActions.PhotoEnrolled, AuditActions.PhotoDeleted, AuditActions.FaceDeleted, AuditActions.PersonDeleted, AuditActions.FacesImported];
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.AuditEntries.AnyAsync(a => a.At > since && changes.Contains(a.Action), cancellationToken).ConfigureAwait(false);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
