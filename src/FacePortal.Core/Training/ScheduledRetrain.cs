namespace FacePortal.Core.Training;

/// <summary>
/// A gallery's recurring retrain. It trains the gallery's people only when they or their faces changed since
/// the model in use there was trained, and puts the new model in use only if it is at least as good on
/// validation data. With no model in use (the enrolled faces alone), the new model is kept for an admin to
/// choose: the schedule never overrides a deliberate return to the gallery. Every run records what it
/// decided and why, with its gallery.
/// </summary>
public sealed class ScheduledRetrain(
    TrainingJobs jobs, TrainedModels trained, RetrainSchedules schedules, TrainingJobRunner runner, ActiveModelService models, ILogger<ScheduledRetrain> logger)
{
    public const string Actor = "schedule";
    private const int MinFaces = 2;

    public async Task RunAsync(Guid galleryId, CancellationToken cancellationToken)
    {
        // The queue may still hold the recurring run of a schedule turned off or of a gallery deleted since (another node's, or a race).
        if (!(await schedules.GetAsync(galleryId, cancellationToken).ConfigureAwait(false)).Enabled)
        {
            logger.LogInformation("Scheduled retrain of gallery {Gallery} skipped: its schedule is off or the gallery is gone", galleryId);
            return;
        }

        // A learnt metric in use is an admin's choice a classifier should not replace unasked: it waits, as with the gallery.
        var active = models.For(galleryId) is { Projection: null } classifier ? classifier : null;
        var people = await schedules.EligiblePeopleAsync(galleryId, MinFaces, cancellationToken).ConfigureAwait(false);
        if (people.Count < 2)
        {
            await DecideAsync(galleryId, "skipped", $"Fewer than two people have at least {MinFaces} faces; nothing to train.", null).ConfigureAwait(false);
            return;
        }

        if (active is not null
            && active.Classes.Select(c => c.Id).ToHashSet().SetEquals(people)
            && !await schedules.FacesChangedSinceAsync(active.CreatedAt, people, cancellationToken).ConfigureAwait(false))
        {
            await DecideAsync(galleryId, "skipped", $"No person or face changed since the model in use was trained ({active.CreatedAt:yyyy-MM-dd HH:mm} UTC).", null).ConfigureAwait(false);
            return;
        }

        var job = await jobs.QueueAsync(new TrainingRequest { PersonIds = [.. people] }, Actor, cancellationToken).ConfigureAwait(false);
        await runner.RunAsync(job.Id, cancellationToken).ConfigureAwait(false);
        var finished = await jobs.GetAsync(job.Id, cancellationToken).ConfigureAwait(false);
        if (finished?.Status != TrainingJobStatus.Succeeded)
        {
            await DecideAsync(galleryId, "failed", $"The training job ended {finished?.Status}: {finished?.Error}", job.Id).ConfigureAwait(false);
            return;
        }

        var best = (await trained.ListAsync(job.Id, cancellationToken).ConfigureAwait(false)).Single(m => m.Kind == "best");
        if (active is null)
        {
            await DecideAsync(galleryId, "kept", $"Trained a model ({best.ValidationAccuracy:P1} on validation). No model is in use in this gallery (it searches its enrolled faces), so the new one waits for an admin to put it in use.", job.Id).ConfigureAwait(false);
        }
        else if (best.ValidationAccuracy >= active.ValidationAccuracy)
        {
            await models.ActivateAsync(best.Id, Actor, cancellationToken).ConfigureAwait(false);
            await DecideAsync(galleryId, "activated", $"The new model scored {best.ValidationAccuracy:P1} on validation, at least the {active.ValidationAccuracy:P1} of the one it replaces; it is now in use.", job.Id).ConfigureAwait(false);
        }
        else
        {
            await DecideAsync(galleryId, "kept", $"The new model scored {best.ValidationAccuracy:P1} on validation, below the {active.ValidationAccuracy:P1} of the model in use, which stays.", job.Id).ConfigureAwait(false);
        }
    }

    private async Task DecideAsync(Guid galleryId, string outcome, string reason, Guid? jobId)
    {
        logger.LogInformation("Scheduled retrain of gallery {Gallery} {Outcome}: {Reason}", galleryId, outcome, reason);
        await schedules.AddDecisionAsync(galleryId, outcome, reason, jobId, CancellationToken.None).ConfigureAwait(false);
    }
}
