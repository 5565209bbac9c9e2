using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FacePortal.Web.Training;

/// <summary>Training over HTTP (signed-in admins): queue, follow, cancel; list and download models.</summary>
public static class TrainingEndpoints
{
    public sealed record ScheduleChange(bool Enabled, string? Cron);

    public sealed record QueuedJob(Guid Id);

    private const string GalleryParameter = "The gallery (its id or name); Main when absent.";

    public sealed record ScheduleView(RetrainSchedule Schedule, IReadOnlyList<RetrainDecision> Decisions);

    public static RouteGroupBuilder MapTrainingApi(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var api = v1.MapGroup(string.Empty).RequireSignedInAdmin().WithTags("Training");

        api.MapPost("/training", QueueAsync).WithSummary("Queue a training job");
        api.MapGet("/training", (TrainingJobs jobs, CancellationToken ct) => jobs.ListAsync(50, ct)).WithSummary("The latest 50 training jobs");
        api.MapGet("/training/{id:guid}", GetAsync).WithSummary("A training job with its epochs and attempts");
        api.MapPost("/training/{id:guid}/cancel", CancelAsync).WithSummary("Cancel a queued or running job");
        api.MapGet("/training/schedule", ScheduleAsync).WithSummary("A gallery's retraining schedule and its latest decisions");
        api.MapPut("/training/schedule", SaveScheduleAsync).WithSummary("Turn a gallery's scheduled retraining on or off, with its cron");
        api.MapGet("/models", (Guid? job, TrainedModels trained, CancellationToken ct) => trained.ListAsync(job, ct)).WithSummary("Trained models, or one job's");
        api.MapPost("/models/{id:guid}/activate", ActivateAsync).WithSummary("Put a trained model in use in the gallery whose people it learnt");
        api.MapPost("/models/gallery/activate", UseGalleryAsync).WithSummary("Put a gallery's enrolled faces alone (no trained model) in use there");
        api.MapDelete("/models/{id:guid}", DeleteModelAsync).WithSummary("Delete a trained model that is not in use");
        api.MapGet("/models/{id:guid}/file", DownloadAsync).WithSummary("Download a model's checkpoint");
        return v1;
    }

    private static async Task<Results<Accepted<QueuedJob>, ProblemHttpResult>> QueueAsync(TrainingRequest request, TrainingQueue queue, ClaimsPrincipal user, CancellationToken ct)
    {
        var queued = await queue.QueueAsync(request, ActorName.Of(user), ct);
        return queued.Succeeded
            ? TypedResults.Accepted($"{IntegrationApi.Prefix}/training/{queued.Value}", new QueuedJob(queued.Value))
            : ApiProblems.BadRequest(queued.Error);
    }

    private static async Task<Results<Ok<TrainingJob>, ProblemHttpResult>> GetAsync(Guid id, TrainingJobs jobs, CancellationToken ct) =>
        await jobs.GetAsync(id, ct) is { } job ? TypedResults.Ok(job) : ApiProblems.NotFound("training job");

    private static async Task<Results<Accepted, ProblemHttpResult>> CancelAsync(Guid id, TrainingQueue queue, ClaimsPrincipal user, CancellationToken ct) =>
        await queue.CancelAsync(id, ActorName.Of(user), ct) is { Succeeded: false } refused ? ApiProblems.Conflict(refused.Error) : TypedResults.Accepted((string?)null);

    private static async Task<Results<Ok<ScheduleView>, ProblemHttpResult>> ScheduleAsync(
        RetrainSchedules schedules, GalleryAccess access, ClaimsPrincipal user, [FromQuery(Name = GalleryAccess.Parameter), Description(GalleryParameter)] string? gallery, CancellationToken ct)
    {
        var resolved = await access.ResolveAsync(user, gallery, ct);
        return resolved.GalleryId is { } galleryId
            ? TypedResults.Ok(new ScheduleView(await schedules.GetAsync(galleryId, ct), await schedules.DecisionsAsync(galleryId, 20, ct)))
            : resolved.Problem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SaveScheduleAsync(
        ScheduleChange change, RetrainScheduler scheduler, GalleryAccess access, ClaimsPrincipal user,
        [FromQuery(Name = GalleryAccess.Parameter), Description(GalleryParameter)] string? gallery, CancellationToken ct)
    {
        var resolved = await access.ResolveAsync(user, gallery, ct);
        if (resolved.GalleryId is not { } galleryId)
        {
            return resolved.Problem();
        }

        return await scheduler.SaveAsync(galleryId, change.Enabled, change.Cron ?? string.Empty, ActorName.Of(user), ct) is { Succeeded: false } refused
            ? ApiProblems.BadRequest(refused.Error)
            : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ActivateAsync(Guid id, ActiveModelService models, ClaimsPrincipal user, CancellationToken ct) =>
        await models.ActivateAsync(id, ActorName.Of(user), ct) ? TypedResults.NoContent() : ApiProblems.NotFound("model");

    private static async Task<Results<NoContent, ProblemHttpResult>> UseGalleryAsync(
        ActiveModelService models, GalleryAccess access, ClaimsPrincipal user, [FromQuery(Name = GalleryAccess.Parameter), Description(GalleryParameter)] string? gallery, CancellationToken ct)
    {
        var resolved = await access.ResolveAsync(user, gallery, ct);
        if (resolved.GalleryId is not { } galleryId)
        {
            return resolved.Problem();
        }

        await models.UseGalleryAsync(galleryId, ActorName.Of(user), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteModelAsync(Guid id, TrainedModels trained, ActiveModelService models, ClaimsPrincipal user, CancellationToken ct)
    {
        if (models.IsInUse(id))
        {
            return ApiProblems.Conflict("This model is in use. Put another model or the gallery in use first.");
        }

        return await trained.DeleteAsync(id, ActorName.Of(user), ct) ? TypedResults.NoContent() : ApiProblems.NotFound("model");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, TrainedModels trained, CancellationToken ct) =>
        await trained.CheckpointAsync(id, ct) is { } bytes
            ? TypedResults.File(bytes, "application/zip", $"faceportal-model-{id:N}.fphead")
            : ApiProblems.NotFound("model");
}
