using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using FacePortal.Core.People;
using FacePortal.Core.Training;
using FacePortal.Training.Scratch;
using FacePortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Training;

/// <summary>Training jobs through the API and the real Hangfire server, TorchSharp and models: queue, progress, cancel, failure, retry.</summary>
public sealed class TrainingJobTests : IClassFixture<TrainingJobTests.Fixture>
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(3);
    private readonly Fixture _fixture;

    public TrainingJobTests(Fixture fixture) => _fixture = fixture;

    [Fact]
    public async Task A_queued_job_trains_records_every_epoch_and_keeps_the_best_and_last_models()
    {
        var id = await QueueAsync(new { personIds = _fixture.ThreePeople, head = new { epochs = 15 } });

        var job = await WaitForAsync(id, TrainingJobStatus.Succeeded);

        Assert.Equal(1, job.Attempts);
        Assert.Equal(Enumerable.Range(1, job.Epochs.Count), job.Epochs.Select(e => e.Epoch));
        Assert.InRange(job.Epochs.Count, 1, 15);
        Assert.True(job.ValidationAccuracy > 0.5, $"validation accuracy {job.ValidationAccuracy}");
        var summary = job.Result!;
        Assert.Equal(3, summary.Classes.Count);
        Assert.Equal(summary.ValidationFaces, summary.Confusion.Sum(row => row.Sum()));
        Assert.Equal("CPU", summary.Device);

        var models = await _fixture.Admin.GetFromJsonAsync<List<TrainedModel>>($"/api/v1/models?job={id}", ApiJson.Options, TestContext.Current.CancellationToken);
        Assert.NotNull(models);
        Assert.Equal(["best", "last"], models.Select(m => m.Kind).Order());
        var file = await _fixture.Admin.GetByteArrayAsync(new Uri($"/api/v1/models/{models![0].Id}/file", UriKind.Relative), TestContext.Current.CancellationToken);
        using var zip = new ZipArchive(new MemoryStream(file));
        Assert.Equal(["checkpoint.json", "classifier.bin", "weights.bin"], zip.Entries.Select(e => e.FullName).Order());
    }

    [Fact]
    public async Task An_activated_model_names_its_people_leaves_others_unknown_and_can_be_rolled_back()
    {
        var id = await QueueAsync(new { personIds = _fixture.ThreePeople, head = new { epochs = 30 } });
        await WaitForAsync(id, TrainingJobStatus.Succeeded);
        var best = (await _fixture.Admin.GetFromJsonAsync<List<TrainedModel>>($"/api/v1/models?job={id}", ApiJson.Options, TestContext.Current.CancellationToken))!.Single(m => m.Kind == "best");
        using var user = await _fixture.Factory.SignInAsUserAsync();

        using var activate = await _fixture.Admin.PostAsync(new Uri($"/api/v1/models/{best.Id}/activate", UriKind.Relative), null, TestContext.Current.CancellationToken);
        var known = await RecognizeCall.RecognizeAsync(user, "img6.jpg");
        var outsider = await RecognizeCall.RecognizeAsync(user, "img17.jpg");
        using var deleteInUse = await _fixture.Admin.DeleteAsync(new Uri($"/api/v1/models/{best.Id}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var rollback = await _fixture.Admin.PostAsync(new Uri("/api/v1/models/gallery/activate", UriKind.Relative), null, TestContext.Current.CancellationToken);
        var afterRollback = await RecognizeCall.RecognizeAsync(user, "img6.jpg");

        Assert.Equal(HttpStatusCode.NoContent, activate.StatusCode);
        Assert.StartsWith("model trained", known.Recognizer, StringComparison.Ordinal);
        var face = Assert.Single(known.Faces);
        Assert.Equal("Angelina Train", face.Verdict.Name);
        Assert.NotNull(face.Verdict.Probability);
        Assert.InRange(face.Verdict.Probability!.Value, best.ProbabilityThreshold, 1);
        Assert.Null(Assert.Single(outsider.Faces).Verdict.Name); // Lonely Face is enrolled but not in the model, so never misnamed as someone in it.
        Assert.Equal(HttpStatusCode.Conflict, deleteInUse.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, rollback.StatusCode);
        Assert.Equal("gallery", afterRollback.Recognizer);
        Assert.Null(Assert.Single(afterRollback.Faces).Verdict.Probability);
    }

    [Fact]
    public async Task A_cnn_from_scratch_job_reports_its_accuracy_for_comparison_and_keeps_no_recognizer()
    {
        var id = await QueueAsync(new { personIds = _fixture.ThreePeople, model = "ScratchCnn", augmentedCopies = 1, head = new { epochs = 3 } });

        var job = await WaitForAsync(id, TrainingJobStatus.Succeeded);

        var summary = job.Result!;
        Assert.Equal(ModelKind.ScratchCnn, summary.Model);
        Assert.Equal(summary.ValidationFaces, summary.Confusion.Sum(row => row.Sum()));
        Assert.InRange(job.Epochs.Count, 1, 3);
        Assert.Empty(await _fixture.Factory.QueryAsync(db => db.TrainedModels.Where(m => m.JobId == id).ToListAsync()));
    }

    [Fact]
    public async Task Invalid_requests_are_refused_with_a_sentence()
    {
        using var onePerson = await _fixture.Admin.PostAsJsonAsync(new Uri("/api/v1/training", UriKind.Relative), new { personIds = _fixture.ThreePeople.Take(1) }, TestContext.Current.CancellationToken);
        using var badDropout = await _fixture.Admin.PostAsJsonAsync(new Uri("/api/v1/training", UriKind.Relative), new { personIds = _fixture.ThreePeople, head = new { dropout = 2.0 } }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, onePerson.StatusCode);
        Assert.Contains("Choose at least two people.", await onePerson.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badDropout.StatusCode);
        Assert.Contains("Dropout must be at least 0 and below 1.", await badDropout.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_with_too_few_faces_fails_the_job_with_a_clear_error()
    {
        var id = await QueueAsync(new { personIds = _fixture.ThreePeople.Append(_fixture.OneFacePerson) });

        var job = await WaitForAsync(id, TrainingJobStatus.Failed);

        Assert.Equal("Each person needs at least 2 usable face(s); too few: Lonely Face (1).", job.Error);
        Assert.Empty(job.Epochs);
    }

    [Fact]
    public async Task A_running_job_can_be_cancelled()
    {
        var id = await QueueAsync(new { personIds = _fixture.ThreePeople, augmentedCopies = 0, head = new { epochs = 1000, earlyStoppingPatience = 1000, learningRatePatience = 1000 } });
        await WaitUntilAsync(id, j => j.Epochs.Count > 0);

        using var cancel = await _fixture.Admin.PostAsync(new Uri($"/api/v1/training/{id}/cancel", UriKind.Relative), null, TestContext.Current.CancellationToken);
        var job = await WaitForAsync(id, TrainingJobStatus.Cancelled);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.True(job.Epochs.Count < 1000);
        Assert.Empty(await _fixture.Factory.QueryAsync(db => db.TrainedModels.Where(m => m.JobId == id).ToListAsync()));
        using var again = await _fixture.Admin.PostAsync(new Uri($"/api/v1/training/{id}/cancel", UriKind.Relative), null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_retry_after_a_crash_starts_over_without_duplicating_results()
    {
        var id = await QueueAsync(new { personIds = _fixture.ThreePeople, head = new { epochs = 5 } });
        await WaitForAsync(id, TrainingJobStatus.Succeeded);

        // What a worker that died mid-job leaves behind: the job still running, with epochs and a model of its attempt.
        await _fixture.Factory.QueryAsync(async db =>
        {
            var job = await db.TrainingJobs.SingleAsync(j => j.Id == id);
            job.Status = TrainingJobStatus.Running;
            return await db.SaveChangesAsync();
        });
        var runner = _fixture.Factory.Services.GetRequiredService<TrainingJobRunner>();
        await runner.RunAsync(id, TestContext.Current.CancellationToken);

        var retried = await GetAsync(id);
        Assert.Equal(TrainingJobStatus.Succeeded, retried.Status);
        Assert.Equal(2, retried.Attempts);
        Assert.Equal(Enumerable.Range(1, retried.Epochs.Count), retried.Epochs.Select(e => e.Epoch));
        Assert.Equal(2, (await _fixture.Factory.QueryAsync(db => db.TrainedModels.Where(m => m.JobId == id).ToListAsync())).Count);

        // A finished job run again by an at-least-once queue does nothing.
        await runner.RunAsync(id, TestContext.Current.CancellationToken);
        Assert.Equal(2, (await GetAsync(id)).Attempts);
    }

    [Fact]
    public async Task A_model_of_Main_leaves_another_gallerys_recognition_to_that_gallery_natively_and_over_compreface()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await QueueAsync(new { personIds = _fixture.ThreePeople, head = new { epochs = 15 } });
        await WaitForAsync(id, TrainingJobStatus.Succeeded);
        var best = (await _fixture.Admin.GetFromJsonAsync<List<TrainedModel>>($"/api/v1/models?job={id}", ApiJson.Options, ct))!.Single(m => m.Kind == "best");

        // The same woman the model knows as "Angelina Train" in Main, enrolled in a site gallery under another name.
        var services = _fixture.Factory.Services;
        var site = (await services.GetRequiredService<FacePortal.Core.Galleries.GalleryService>().CreateAsync($"Model site {Guid.NewGuid():N}"[..20], "test", ct)).Value;
        var siteWoman = (await services.GetRequiredService<PeopleService>().CreateAsync(site, "Site Angelina", "test", ct)).Value;
        foreach (var photo in new[] { "img2.jpg", "img4.jpg" })
        {
            Assert.True((await services.GetRequiredService<EnrollmentService>().EnrollPhotoAsync(siteWoman, TestPhotos.DeepFace(photo), photo, PhotoSource.Upload, "test", ct)).IsAccepted);
        }

        var scopes = FacePortal.Core.Applications.ScopeNames.Parse(FacePortal.Core.Applications.ScopeNames.All.Select(s => s.Name)).Value;
        var key = await services.GetRequiredService<FacePortal.Core.Applications.ApplicationKeys>().CreateAsync($"site {Guid.NewGuid():N}", scopes, null, FacePortalFactory.AdminName, [site], ct);
        using var client = _fixture.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("x-api-key", key.Value.Key);
        using var activate = await _fixture.Admin.PostAsync(new Uri($"/api/v1/models/{best.Id}/activate", UriKind.Relative), null, ct);
        Assert.Equal(HttpStatusCode.NoContent, activate.StatusCode);
        try
        {
            using var native = await client.PostAsync(new Uri("/api/v1/recognize", UriKind.Relative), FacePortal.Web.Tests.Integration.ApiBodies.Multipart(("image", TestPhotos.DeepFace("img6.jpg"))), ct);
            var nativeBody = await native.Content.ReadAsStringAsync(ct);
            Assert.True(native.IsSuccessStatusCode, nativeBody);
            Assert.Contains("Site Angelina", nativeBody, StringComparison.Ordinal);

            using var compreFace = await client.PostAsync(new Uri("/api/v1/recognition/recognize", UriKind.Relative), FacePortal.Web.Tests.Integration.ApiBodies.Multipart(("file", TestPhotos.DeepFace("img6.jpg"))), ct);
            var body = await compreFace.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct);
            Assert.Equal(HttpStatusCode.OK, compreFace.StatusCode);
            var subject = body.GetProperty("result")[0].GetProperty("subjects")[0];
            Assert.Equal("Site Angelina", subject.GetProperty("subject").GetString());
            Assert.True(subject.GetProperty("similarity").GetSingle() >= 0.5f, $"similarity {subject.GetProperty("similarity").GetSingle()}: the site's woman was not named");
        }
        finally
        {
            using var rollback = await _fixture.Admin.PostAsync(new Uri("/api/v1/models/gallery/activate", UriKind.Relative), null, ct);
        }
    }

    private async Task<Guid> QueueAsync(object request)
    {
        using var response = await _fixture.Admin.PostAsJsonAsync(new Uri("/api/v1/training", UriKind.Relative), request, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken);
        return body.GetProperty("id").GetGuid();
    }

    private async Task<TrainingJob> GetAsync(Guid id) =>
        (await _fixture.Admin.GetFromJsonAsync<TrainingJob>($"/api/v1/training/{id}", ApiJson.Options, TestContext.Current.CancellationToken))!;

    private Task<TrainingJob> WaitForAsync(Guid id, TrainingJobStatus status) =>
        WaitUntilAsync(id, j => j.Status == status || (j.Status is TrainingJobStatus.Succeeded or TrainingJobStatus.Failed or TrainingJobStatus.Cancelled && j.Status != status)
            ? (j.Status == status ? true : throw new InvalidOperationException($"The job ended {j.Status}, not {status}: {j.Error}"))
            : false);

    private async Task<TrainingJob> WaitUntilAsync(Guid id, Func<TrainingJob, bool> condition)
    {
        var deadline = DateTime.UtcNow + JobTimeout;
        while (true)
        {
            var job = await GetAsync(id);
            if (condition(job))
            {
                return job;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Job {id} is {job.Status} ({job.Stage}) after {JobTimeout}.");
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>One app with three people enrolled (4, 3 and 2 faces) and one person with a single face.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public FacePortalFactory Factory { get; } = new();

        public HttpClient Admin { get; private set; } = null!;

        public Guid[] ThreePeople { get; private set; } = [];

        public Guid OneFacePerson { get; private set; }

        public async ValueTask InitializeAsync()
        {
            ThreePeople =
            [
                await GalleryPeople.EnrollAsync(Factory, "Angelina Train", "img1.jpg", "img2.jpg", "img4.jpg", "img5.jpg"),
                await GalleryPeople.EnrollAsync(Factory, "Second Person", "img13.jpg", "img14.jpg", "img15.jpg"),
                await GalleryPeople.EnrollAsync(Factory, "Third Person", "img20.jpg", "img21.jpg"),
            ];
            OneFacePerson = await GalleryPeople.EnrollAsync(Factory, "Lonely Face", "img16.jpg");
            Admin = await Factory.SignInAsync();
        }

        public async ValueTask DisposeAsync()
        {
            Admin.Dispose();
            await Factory.DisposeAsync();
        }
    }
}
