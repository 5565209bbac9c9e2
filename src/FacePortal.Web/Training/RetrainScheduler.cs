using FacePortal.Core;
using Hangfire;
using Hangfire.Storage;

namespace FacePortal.Web.Training;

/// <summary>
/// Keeps Hangfire's recurring jobs, one per gallery, in step with the schedules saved in our database (also at start-up,
/// since an in-memory queue forgets them).
/// </summary>
public sealed class RetrainScheduler(RetrainSchedules schedules, IRecurringJobManager recurring, JobStorage storage) : IHostedService
{
    /// <summary>
    /// The recurring jobs' common prefix: alone, it names the one job of the versions before galleries (whose method no
    /// longer exists), which start-up removes with those of deleted galleries.
    /// </summary>
    private const string RecurringJobPrefix = "faceportal-retrain";

    /// <summary>The recurring job of <paramref name="galleryId"/>'s schedule.</summary>
    public static string RecurringJobId(Guid galleryId) => $"{RecurringJobPrefix}-{galleryId:N}";

    /// <summary>Saves and applies <paramref name="galleryId"/>'s schedule; fails when the cron expression is not valid.</summary>
    public async Task<Outcome> SaveAsync(Guid galleryId, bool enabled, string cron, string actor, CancellationToken cancellationToken = default)
    {
        cron = cron.Trim();
        if (Apply(galleryId, enabled, cron) is { } problem)
        {
            return Outcome.Failed(problem);
        }

        await schedules.SaveAsync(galleryId, enabled, cron, actor, cancellationToken);
        return Outcome.Ok();
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var saved = await schedules.ListAsync(cancellationToken);
        foreach (var schedule in saved)
        {
            Apply(schedule.GalleryId, schedule.Enabled, schedule.Cron);
        }

        // A shared queue (PostgreSQL, SQL Server) keeps the jobs of galleries deleted since and of older versions; a run of one would only be skipped.
        var wanted = saved.Where(s => s.Enabled).Select(s => RecurringJobId(s.GalleryId)).ToHashSet();
        using var connection = storage.GetConnection();
        foreach (var job in connection.GetRecurringJobs())
        {
            if (job.Id.StartsWith(RecurringJobPrefix, StringComparison.Ordinal) && !wanted.Contains(job.Id))
            {
                recurring.RemoveIfExists(job.Id);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string? Apply(Guid galleryId, bool enabled, string cron)
    {
        if (!enabled)
        {
            recurring.RemoveIfExists(RecurringJobId(galleryId));
            return null;
        }

        try
        {
            recurring.AddOrUpdate<ScheduledRetrain>(
                RecurringJobId(galleryId), TrainingQueue.QueueName, retrain => retrain.RunAsync(galleryId, CancellationToken.None), cron,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            return null;
        }
        catch (ArgumentException)
        {
            return $"'{cron}' is not a cron expression: use five fields (minute hour day month weekday), for example 0 3 * * * for 03:00 every day.";
        }
    }
}
