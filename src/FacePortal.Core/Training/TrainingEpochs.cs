namespace FacePortal.Core.Training;

/// <summary>A job's epoch history, written as each epoch ends: the dashboard's curves grow from it.</summary>
public sealed class TrainingEpochs(IDbContextFactory<FacePortalDbContext> databases)
{
    /// <summary>
    /// Records an epoch of <paramref name="attempt"/>, moves the job's stage on, and says whether the
    /// attempt should stop: someone asked to cancel the job, or a newer attempt took it over (then
    /// nothing is written, so two attempts never mix their epochs).
    /// </summary>
    public bool Add(TrainingEpoch epoch, int attempt, string stage, double progress)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        using var db = databases.CreateDbContext();
        var job = db.TrainingJobs.Where(j => j.Id == epoch.JobId).Select(j => new { j.Attempts, j.CancelRequested, j.Status }).SingleOrDefault();
        if (job is null || job.Attempts != attempt || job.Status != TrainingJobStatus.Running)
        {
            return true;
        }

        db.TrainingEpochs.Add(epoch);
        db.SaveChanges();
        TrainingJobs.SetStage(db, epoch.JobId, stage, progress);
        return job.CancelRequested || db.TrainingJobs.Where(j => j.Id == epoch.JobId).Select(j => j.CancelRequested).Single();
    }
}
