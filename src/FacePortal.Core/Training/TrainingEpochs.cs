using FacePortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Core.Training;

/// <summary>A job's epoch history, written as each epoch ends: the dashboard's curves grow from it.</summary>
public sealed class TrainingEpochs(IDbContextFactory<FacePortalDbContext> databases)
{
    /// <summary>Records an epoch, moves the job's stage on, and says whether someone asked to cancel the job meanwhile.</summary>
    public bool Add(TrainingEpoch epoch, string stage, double progress)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        using var db = databases.CreateDbContext();
        db.TrainingEpochs.Add(epoch);
        db.SaveChanges();
        TrainingJobs.SetStage(db, epoch.JobId, stage, progress);
        return db.TrainingJobs.Where(j => j.Id == epoch.JobId).Select(j => j.CancelRequested).Single();
    }
}
