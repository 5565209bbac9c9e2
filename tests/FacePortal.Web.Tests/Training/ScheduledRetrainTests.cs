using System.Net;
using System.Net.Http.Json;
using FacePortal.Core.Galleries;
using FacePortal.Core.People;
using FacePortal.Core.Recognition;
using FacePortal.Core.Training;
using FacePortal.Web.Tests.Support;
using FacePortal.Web.Training;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Training;

/// <summary>The recurring retrain: its schedule in Hangfire, and the decisions it takes run by run.</summary>
public sealed class ScheduledRetrainTests
{
    [Fact]
    public async Task The_schedule_is_validated_saved_and_handed_to_hangfire()
    {
        await using var factory = new FacePortalFactory();
        using var admin = await factory.SignInAsync();

        using var invalid = await admin.PutAsJsonAsync(new Uri("/api/v1/training/schedule", UriKind.Relative), new { enabled = true, cron = "every night" }, TestContext.Current.CancellationToken);
        using var valid = await admin.PutAsJsonAsync(new Uri("/api/v1/training/schedule", UriKind.Relative), new { enabled = true, cron = "30 2 * * *" }, TestContext.Current.CancellationToken);
        var recurring = RecurringJobs(factory);
        using var off = await admin.PutAsJsonAsync(new Uri("/api/v1/training/schedule", UriKind.Relative), new { enabled = false, cron = "30 2 * * *" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("'every night' is not a cron expression", await invalid.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, valid.StatusCode);
        var job = Assert.Single(recurring);
        Assert.Equal((RetrainScheduler.RecurringJobId(Gallery.DefaultId), "30 2 * * *"), (job.Id, job.Cron));
        var servers = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers();
        Assert.Contains(servers, s => s.Queues.Contains(job.Queue)); // A worker of ours will pick it up.
        Assert.Equal(HttpStatusCode.NoContent, off.StatusCode);
        Assert.Empty(RecurringJobs(factory));
        var saved = await factory.Services.GetRequiredService<RetrainSchedules>().GetAsync(Gallery.DefaultId, TestContext.Current.CancellationToken);
        Assert.Equal((false, "30 2 * * *"), (saved.Enabled, saved.Cron));
    }

    [Fact]
    public async Task A_run_trains_only_after_changes_and_puts_a_model_in_use_only_if_it_is_at_least_as_good()
    {
        await using var factory = new FacePortalFactory();
        var angelina = await GalleryPeople.EnrollAsync(factory, "Sched One", "img1.jpg", "img2.jpg", "img4.jpg");
        await GalleryPeople.EnrollAsync(factory, "Sched Two", "img13.jpg", "img14.jpg");
        await GalleryPeople.EnrollAsync(factory, "Sched Three", "img20.jpg", "img21.jpg");
        var retrain = factory.Services.GetRequiredService<ScheduledRetrain>();
        var models = factory.Services.GetRequiredService<ActiveModelService>();
        var jobs = factory.Services.GetRequiredService<TrainingJobs>();
        var schedules = factory.Services.GetRequiredService<RetrainSchedules>();
        var trainedModels = factory.Services.GetRequiredService<TrainedModels>();
        await schedules.SaveAsync(Gallery.DefaultId, enabled: true, "0 3 * * *", "test", TestContext.Current.CancellationToken);

        // With the gallery in use, a new model is trained but waits for an admin.
        await retrain.RunAsync(Gallery.DefaultId, TestContext.Current.CancellationToken);
        var first = (await schedules.DecisionsAsync(Gallery.DefaultId, 1, TestContext.Current.CancellationToken)).Single();
        Assert.Equal("kept", first.Outcome);
        Assert.Contains("waits for an admin", first.Reason, StringComparison.Ordinal);
        Assert.Null(models.For(Gallery.DefaultId));

        // With that model in use and nothing changed, nothing is trained.
        var trained = (await trainedModels.ListAsync(first.JobId, TestContext.Current.CancellationToken)).Single(m => m.Kind == "best");
        await models.ActivateAsync(trained.Id, "test", TestContext.Current.CancellationToken);
        var jobsBefore = (await jobs.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Count;
        await retrain.RunAsync(Gallery.DefaultId, TestContext.Current.CancellationToken);
        Assert.Equal("skipped", (await schedules.DecisionsAsync(Gallery.DefaultId, 1, TestContext.Current.CancellationToken)).Single().Outcome);
        Assert.Equal(jobsBefore, (await jobs.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Count);

        // A new face is a change: it trains again and keeps or replaces the model by validation accuracy.
        var enrolled = await factory.Services.GetRequiredService<EnrollmentService>().EnrollPhotoAsync(
            angelina, TestPhotos.DeepFace("img5.jpg"), "img5.jpg", PhotoSource.Upload, "test", TestContext.Current.CancellationToken);
        Assert.True(enrolled.IsAccepted);
        await retrain.RunAsync(Gallery.DefaultId, TestContext.Current.CancellationToken);
        var third = (await schedules.DecisionsAsync(Gallery.DefaultId, 1, TestContext.Current.CancellationToken)).Single();
        var retrained = (await trainedModels.ListAsync(third.JobId, TestContext.Current.CancellationToken)).Single(m => m.Kind == "best");
        if (retrained.ValidationAccuracy >= trained.ValidationAccuracy)
        {
            Assert.Equal("activated", third.Outcome);
            Assert.Equal(retrained.Id, models.For(Gallery.DefaultId)?.Id);
        }
        else
        {
            Assert.Equal("kept", third.Outcome);
            Assert.Equal(trained.Id, models.For(Gallery.DefaultId)?.Id);
        }

        Assert.Equal(ScheduledRetrain.Actor, await factory.QueryAsync(db => db.TrainingJobs.Where(j => j.Id == third.JobId).Select(j => j.RequestedBy).SingleAsync()));
    }

    private static List<RecurringJobDto> RecurringJobs(FacePortalFactory factory)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs();
    }
}
