using FacePortal.Core;
using FacePortal.Core.Training;
using Hangfire;

namespace FacePortal.Web.Training;

/// <summary>Keeps Hangfire's recurring job in step with the schedule saved in our database (also at start-up, since an in-memory queue forgets it).</summary>
public sealed class RetrainScheduler(RetrainSchedules schedules, IRecurringJobManager recurring) : IHostedService
{
    public const string RecurringJobId = "faceportal-retrain";

    /// <summary>Saves and applies a schedule; fails when the cron expression is not valid.</summary>
    public async Task<Outcome> SaveAsync(bool enabled, string cron, string actor, CancellationToken cancellationToken = default)
    {
        cron = cron.Trim();
        if (Apply(enabled, cron) is { } problem)
        {
            return Outcome.Failed(problem);
        }

        await schedules.SaveAsync(enabled, cron, actor, cancellationToken);
        return Outcome.Ok();
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var schedule = await schedules.GetAsync(cancellationToken);
        Apply(schedule.Enabled, schedule.Cron);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string? Apply(bool enabled, string cron)
    {
        if (!enabled)
        {
            recurring.RemoveIfExists(RecurringJobId);
            return null;
        }

        try
        {
            recurring.AddOrUpdate<ScheduledRetrain>(
                RecurringJobId, TrainingQueue.QueueName, retrain => retrain.RunAsync(CancellationToken.None), cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            return null;
        }
        catch (ArgumentException)
        {
            return $"'{cron}' is not a cron expression: use five fields (minute hour day month weekday), for example 0 3 * * * for 03:00 every day.";
        }
    }
}
