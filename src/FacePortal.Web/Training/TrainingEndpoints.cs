using System.Security.Claims;
using FacePortal.Core.Recognition;
using FacePortal.Core.Training;
using FacePortal.Web.Accounts;
using FacePortal.Web.Applications;
using FacePortal.Web.Api;

namespace FacePortal.Web.Training;

/// <summary>Training over HTTP (Admin): queue, follow, cancel; list and download models.</summary>
public static class TrainingEndpoints
{
    public sealed record ScheduleChange(bool Enabled, string? Cron);

    public static RouteGroupBuilder MapTrainingApi(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var api = v1.MapGroup(string.Empty).RequireSignedInAdmin().WithTags("Training");

        api.MapPost("/training", async (TrainingRequest request, TrainingQueue queue, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var queued = await queue.QueueAsync(request, ActorName.Of(user), ct);
            return queued.Succeeded
                ? Results.Accepted($"{Api.IntegrationApi.Prefix}/training/{queued.Value}", new { id = queued.Value })
                : Results.Problem(queued.Error, statusCode: StatusCodes.Status400BadRequest);
        });

        api.MapGet("/training", (TrainingJobs jobs, CancellationToken ct) => jobs.ListAsync(50, ct));

        api.MapGet("/training/{id:guid}", async (Guid id, TrainingJobs jobs, CancellationToken ct) =>
            await jobs.GetAsync(id, ct) is { } job ? Results.Ok(job) : ApiProblems.NotFound("training job"));

        api.MapPost("/training/{id:guid}/cancel", async (Guid id, TrainingQueue queue, ClaimsPrincipal user, CancellationToken ct) =>
            await queue.CancelAsync(id, ActorName.Of(user), ct) is { Succeeded: false } refused
                ? Results.Problem(refused.Error, statusCode: StatusCodes.Status409Conflict)
                : Results.Accepted());

        api.MapGet("/training/schedule", async (RetrainSchedules schedules, CancellationToken ct) =>
            new { schedule = await schedules.GetAsync(ct), decisions = await schedules.DecisionsAsync(20, ct) });

        api.MapPut("/training/schedule", async (ScheduleChange change, RetrainScheduler scheduler, ClaimsPrincipal user, CancellationToken ct) =>
            await scheduler.SaveAsync(change.Enabled, change.Cron ?? string.Empty, ActorName.Of(user), ct) is { Succeeded: false } refused
                ? Results.Problem(refused.Error, statusCode: StatusCodes.Status400BadRequest)
                : Results.NoContent());

        api.MapGet("/models", (Guid? job, TrainedModels trained, CancellationToken ct) => trained.ListAsync(job, ct));

        api.MapPost("/models/{id:guid}/activate", async (Guid id, ActiveModelService models, ClaimsPrincipal user, CancellationToken ct) =>
            await models.ActivateAsync(id, ActorName.Of(user), ct) ? Results.NoContent() : ApiProblems.NotFound("model"));

        api.MapPost("/models/gallery/activate", async (ActiveModelService models, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await models.ActivateAsync(null, ActorName.Of(user), ct);
            return Results.NoContent();
        });

        api.MapDelete("/models/{id:guid}", async (Guid id, TrainedModels trained, ActiveModelService models, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (models.Current?.Id == id)
            {
                return Results.Problem("This model is in use. Put another model or the gallery in use first.", statusCode: StatusCodes.Status409Conflict);
            }

            return await trained.DeleteAsync(id, ActorName.Of(user), ct) ? Results.NoContent() : ApiProblems.NotFound("model");
        });

        api.MapGet("/models/{id:guid}/file", async (Guid id, TrainedModels trained, CancellationToken ct) =>
            await trained.CheckpointAsync(id, ct) is { } bytes
                ? Results.File(bytes, "application/zip", $"faceportal-model-{id:N}.fphead")
                : ApiProblems.NotFound("model"));
        return v1;
    }
}
