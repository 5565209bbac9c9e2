using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FacePortal.Core.Auditing;
using FacePortal.Core.Galleries;
using FacePortal.Core.Recognition;
using FacePortal.Core.Training;
using FacePortal.Web.Tests.Support;
using FacePortal.Web.Training;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Training;

/// <summary>Each gallery has its own model in use and its own retraining schedule; one gallery's never touch another's.</summary>
public sealed class ModelsPerGalleryTests
{
    [Fact]
    public async Task Each_gallery_retrains_on_its_own_schedule_and_uses_its_own_model()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new FacePortalFactory();
        using var admin = await factory.SignInAsync();
        var site = (await factory.Services.GetRequiredService<GalleryService>().CreateAsync("Branch", "test", ct)).Value;
        await GalleryPeople.EnrollAsync(factory, "Main One", "img1.jpg", "img2.jpg");
        await GalleryPeople.EnrollAsync(factory, "Main Two", "img13.jpg", "img14.jpg");
        await GalleryPeople.EnrollAsync(factory, site, "Branch One", "img16.jpg", "img17.jpg");
        await GalleryPeople.EnrollAsync(factory, site, "Branch Two", "img22.jpg", "img23.jpg");
        var retrain = factory.Services.GetRequiredService<ScheduledRetrain>();
        var schedules = factory.Services.GetRequiredService<RetrainSchedules>();
        var trained = factory.Services.GetRequiredService<TrainedModels>();
        var models = factory.Services.GetRequiredService<ActiveModelService>();

        // The branch's schedule is its own: saved and handed to the queue under its own job, Main's stays off.
        using var saved = await admin.PutAsJsonAsync(new Uri("/api/v1/training/schedule?gallery=Branch", UriKind.Relative), new { enabled = true, cron = "15 4 * * *" }, ct);
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal([(RetrainScheduler.RecurringJobId(site), "15 4 * * *")], RecurringJobs(factory).Select(j => (j.Id, j.Cron)));
        var branchView = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/training/schedule?gallery=Branch", UriKind.Relative), ct);
        var mainView = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/training/schedule", UriKind.Relative), ct);
        Assert.True(branchView.GetProperty("schedule").GetProperty("enabled").GetBoolean());
        Assert.False(mainView.GetProperty("schedule").GetProperty("enabled").GetBoolean());
        using var nowhere = await admin.GetAsync(new Uri("/api/v1/training/schedule?gallery=Nowhere", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);

        // A run left in the queue for a gallery whose schedule is off does nothing.
        await retrain.RunAsync(Gallery.DefaultId, ct);
        Assert.Empty(await schedules.DecisionsAsync(Gallery.DefaultId, 10, ct));

        // The branch's run trains the branch's people only, and its model belongs to the branch.
        await retrain.RunAsync(site, ct);
        var decision = Assert.Single(await schedules.DecisionsAsync(site, 10, ct));
        Assert.Equal("kept", decision.Outcome);
        var branchModel = (await trained.ListAsync(decision.JobId, ct)).Single(m => m.Kind == "best");
        Assert.Equal(site, branchModel.GalleryId);
        var request = await factory.QueryAsync(db => db.TrainingJobs.Where(j => j.Id == decision.JobId).Select(j => j.Request).SingleAsync());
        var branchPeople = await factory.QueryAsync(db => db.People.Where(p => p.GalleryId == site).Select(p => p.Id).ToListAsync());
        Assert.Equal(branchPeople.Order(), request.PersonIds.Order());

        // Main trains on demand; both models are then in use at once, each in its gallery.
        await schedules.SaveAsync(Gallery.DefaultId, enabled: true, "0 3 * * *", "test", ct);
        await retrain.RunAsync(Gallery.DefaultId, ct);
        var mainModel = (await trained.ListAsync((await schedules.DecisionsAsync(Gallery.DefaultId, 1, ct)).Single().JobId, ct)).Single(m => m.Kind == "best");
        Assert.Equal(Gallery.DefaultId, mainModel.GalleryId);
        using (var activated = await admin.PostAsync(new Uri($"/api/v1/models/{branchModel.Id}/activate", UriKind.Relative), null, ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, activated.StatusCode);
        }

        Assert.True(await models.ActivateAsync(mainModel.Id, "test", ct));
        Assert.Equal((mainModel.Id, branchModel.Id), (models.For(Gallery.DefaultId)?.Id, models.For(site)?.Id));
        Assert.Equal(2, await factory.QueryAsync(db => db.TrainedModels.CountAsync(m => m.IsActive)));

        // Each gallery recognises with its own model and names its own people.
        var recognizer = factory.Services.GetRequiredService<FaceRecognizer>();
        var inBranch = await recognizer.RecognizeAsync(site, TestPhotos.DeepFace("img16.jpg"), ct);
        var inMain = await recognizer.RecognizeAsync(Gallery.DefaultId, TestPhotos.DeepFace("img1.jpg"), ct);
        // (With two people of two photos each, the model may well leave a face Unknown; it never names anyone else.)
        Assert.Equal("Branch One", Assert.Single(inBranch.Faces).Verdict.Best?.Name);
        Assert.Equal("Main One", Assert.Single(inMain.Faces).Verdict.Best?.Name);
        Assert.Contains(inBranch.Faces[0].Verdict.Person?.Name, new[] { null, "Branch One" });
        Assert.Contains(inMain.Faces[0].Verdict.Person?.Name, new[] { null, "Main One" });
        Assert.StartsWith("model", inBranch.Recognizer, StringComparison.Ordinal);
        Assert.StartsWith("model", inMain.Recognizer, StringComparison.Ordinal);

        // A model in use cannot be deleted; going back to the branch's enrolled faces leaves Main's model in use.
        using (var refused = await admin.DeleteAsync(new Uri($"/api/v1/models/{branchModel.Id}", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }

        using (var back = await admin.PostAsync(new Uri("/api/v1/models/gallery/activate?gallery=Branch", UriKind.Relative), null, ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, back.StatusCode);
        }

        Assert.Null(models.For(site));
        Assert.Equal(mainModel.Id, models.For(Gallery.DefaultId)?.Id);
        Assert.Equal("gallery", (await recognizer.RecognizeAsync(site, TestPhotos.DeepFace("img16.jpg"), ct)).Recognizer);
        var audit = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.ModelActivated).OrderByDescending(a => a.Id).Select(a => a.Details).FirstAsync());
        Assert.Equal("Recognition in the gallery Branch uses its enrolled faces (no trained model).", audit);

        // Deleting the branch takes its schedule and decisions with it; Main's model stays in use.
        Assert.NotNull(await factory.Services.GetRequiredService<GalleryService>().DeleteAsync(site, "test", ct));
        Assert.Equal(0, await factory.QueryAsync(db => db.RetrainSchedules.CountAsync(s => s.GalleryId == site)));
        Assert.Equal(0, await factory.QueryAsync(db => db.RetrainDecisions.CountAsync(d => d.GalleryId == site)));
        Assert.Equal(0, await factory.QueryAsync(db => db.TrainedModels.CountAsync(m => m.GalleryId == site)));
        Assert.Equal(mainModel.Id, models.For(Gallery.DefaultId)?.Id);
    }

    private static List<RecurringJobDto> RecurringJobs(FacePortalFactory factory)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs();
    }
}
