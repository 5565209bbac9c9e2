using System.Net;
using System.Net.Http.Json;
using FacePortal.Core.People;
using FacePortal.Core.Recognition;
using FacePortal.Core.Training;
using FacePortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Training;

/// <summary>Deleting a person deletes the trained models that learnt from their faces, even the one in use.</summary>
public sealed class ModelDeletionTests
{
    [Fact]
    public async Task Deleting_a_person_deletes_the_models_trained_on_them_and_recognition_falls_back_to_the_gallery()
    {
        await using var factory = new FacePortalFactory();
        Guid[] people =
        [
            await GalleryPeople.EnrollAsync(factory, "Kept One", "img1.jpg", "img2.jpg", "img4.jpg"),
            await GalleryPeople.EnrollAsync(factory, "Kept Two", "img13.jpg", "img14.jpg"),
            await GalleryPeople.EnrollAsync(factory, "Deleted Three", "img20.jpg", "img21.jpg"),
        ];
        using var admin = await factory.SignInAsync();
        using var queued = await admin.PostAsJsonAsync(new Uri("/api/v1/training", UriKind.Relative), new { personIds = people, head = new { epochs = 5 } }, TestContext.Current.CancellationToken);
        var jobId = (await queued.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while ((await factory.QueryAsync(db => db.TrainingJobs.Where(j => j.Id == jobId).Select(j => j.Status).SingleAsync())) != TrainingJobStatus.Succeeded)
        {
            Assert.True(DateTime.UtcNow < deadline, "the training job did not finish in time");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        var best = await factory.QueryAsync(db => db.TrainedModels.Where(m => m.JobId == jobId && m.Kind == "best").Select(m => m.Id).SingleAsync());
        using var activate = await admin.PostAsync(new Uri($"/api/v1/models/{best}/activate", UriKind.Relative), null, TestContext.Current.CancellationToken);
        var models = factory.Services.GetRequiredService<ActiveModelService>();
        Assert.Equal(best, models.For(FacePortal.Core.Galleries.Gallery.DefaultId)?.Id);

        var report = await factory.Services.GetRequiredService<PeopleService>().DeleteAsync(people[2], "test", TestContext.Current.CancellationToken);

        Assert.True(report.Found);
        Assert.Null(models.For(FacePortal.Core.Galleries.Gallery.DefaultId));
        Assert.Empty(await factory.QueryAsync(db => db.TrainedModels.ToListAsync()));
        var audit = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.SubjectId == people[2].ToString() && a.Action == "person.deleted").SingleAsync());
        Assert.Contains("and 2 trained model(s) that knew them", audit.Details, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, activate.StatusCode);
    }
}
