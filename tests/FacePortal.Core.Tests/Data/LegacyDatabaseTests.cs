using FacePortal.Core.Data;
using FacePortal.Core.Galleries;
using FacePortal.Core.People;
using FacePortal.Core.Recognition;
using FacePortal.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Core.Tests.Data;

/// <summary>
/// A database created by the main before the re-cut upgrades untouched: the migration ids and
/// history table still match, and every person, face, training job and trained model reads back
/// through today's services as it was written.
/// </summary>
public sealed class LegacyDatabaseTests(LegacyMainDatabase legacy) : IClassFixture<LegacyMainDatabase>
{
    private static readonly Guid Ada = Guid.Parse("01a22a87-6ce9-735e-bb3e-e7bfebd5fc32");
    private static readonly Guid Grace = Guid.Parse("01a22a87-7183-7485-b345-c6fa4a491d8e");
    private static readonly Guid Zoe = Guid.Parse("01a22a87-75b1-7d0a-82ab-458cfe293a55");
    private static readonly Guid JobId = Guid.Parse("01a22a87-81d9-72a1-9796-3a41bb49f894");
    private static readonly Guid BestModel = Guid.Parse("01a22a87-9fc8-7501-9e78-beac26e9b314");
    private static readonly Guid LastModel = Guid.Parse("01a22a87-a003-7eac-be24-a405a25785b5");

    private static readonly (Guid Id, string Name)[] People = [(Ada, "Ada Lovelace"), (Grace, "Grace Hopper"), (Zoe, "Zoë Ünicode")];

    /// <summary>Every face as the old main stored it: (person, face, photo, photo file name).</summary>
    private static readonly (Guid Person, string Face, string Photo, string FileName)[] Faces =
    [
        (Ada, "01a22a87-6e44-7534-add1-8eeb4b20aa18", "01a22a87-6e43-7724-97d1-b4b96ab97ed1", "img5.jpg"),
        (Ada, "01a22a87-70b0-708d-90c6-2406ea08e2d2", "01a22a87-70b0-76c5-987d-9e814ce8b005", "img6.jpg"),
        (Ada, "01a22a87-712f-7539-b574-ddc863807f9d", "01a22a87-712f-7087-95b0-0c9ea2768e36", "img11.jpg"),
        (Grace, "01a22a87-72e5-71fe-aa43-b30e2b7821c8", "01a22a87-72e5-70d5-8efb-2f3f58a1e9a4", "img13.jpg"),
        (Grace, "01a22a87-7402-7361-806b-b16485c46885", "01a22a87-7402-7be2-80a3-804c7990b1d9", "img14.jpg"),
        (Grace, "01a22a87-74fd-70dc-89a5-2793241d41ea", "01a22a87-74fd-79e1-8f4a-0649d712b2f3", "img15.jpg"),
        (Zoe, "01a22a87-768c-7c59-aa87-9e991736b9f8", "01a22a87-768c-7fcb-8b8a-ad6ca58327a6", "img20.jpg"),
        (Zoe, "01a22a87-77a4-7e3c-928c-a3ea336a55d5", "01a22a87-77a4-7063-94fc-028489235a1f", "img21.jpg"),
    ];

    [Fact]
    public async Task The_old_migration_history_is_recognised_and_nothing_is_left_to_apply()
    {
        await using var db = await Databases.CreateDbContextAsync(TestContext.Current.CancellationToken);

        var applied = await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken);
        var pending = await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["20261122201129_Initial", "20261122224718_Training"], applied.Take(2));
        Assert.Empty(pending);
    }

    [Fact]
    public async Task Every_person_is_found_by_id_and_by_name()
    {
        var people = legacy.Services.GetRequiredService<PeopleService>();

        var listed = await people.ListAsync(new PeopleQuery(), TestContext.Current.CancellationToken);

        Assert.Equal(People, listed.Items.Select(p => (p.Id, p.Name)));
        foreach (var (id, name) in People)
        {
            Assert.Equal(name, await people.FindNameAsync(id, TestContext.Current.CancellationToken));
            Assert.Equal(name, (await people.GetAsync(id, TestContext.Current.CancellationToken))?.Name);
        }
    }

    [Fact]
    public async Task Every_person_moved_into_the_Main_gallery_and_Main_alone_exists()
    {
        await using var db = await Databases.CreateDbContextAsync(TestContext.Current.CancellationToken);

        var galleries = await db.Galleries.Select(g => new { g.Id, g.Name }).ToListAsync(TestContext.Current.CancellationToken);
        var placed = await db.People.OrderBy(p => p.Name).Select(p => new { p.Id, p.GalleryId }).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal((Gallery.DefaultId, "Main"), galleries.Select(g => (g.Id, g.Name)).Single());
        Assert.Equal(People.Select(p => (p.Id, Gallery.DefaultId)), placed.Select(p => (p.Id, p.GalleryId)));
        Assert.Equal(People, (await legacy.Services.GetRequiredService<PeopleService>().ListAsync(new PeopleQuery(GalleryId: Gallery.DefaultId), TestContext.Current.CancellationToken)).Items.Select(p => (p.Id, p.Name)));
    }

    [Fact]
    public async Task Every_face_is_found_with_its_photo_and_embedding()
    {
        var people = legacy.Services.GetRequiredService<PeopleService>();
        var gallery = await legacy.Services.GetRequiredService<RecognitionGallery>().GetIndexAsync(FacePortal.Core.Galleries.Gallery.DefaultId, TestContext.Current.CancellationToken);

        foreach (var (id, _) in People)
        {
            var person = (await people.GetAsync(id, TestContext.Current.CancellationToken))!;
            var expected = Faces.Where(f => f.Person == id).ToList();
            Assert.Equal(
                expected.Select(f => (Guid.Parse(f.Face), Guid.Parse(f.Photo))).Order(),
                person.Faces.Select(f => (f.Id, f.PhotoId)).Order());
            Assert.Equal(
                expected.Select(f => (Guid.Parse(f.Photo), f.FileName)).Order(),
                person.Photos.Select(p => (p.Id, p.FileName)).Order());
            Assert.All(person.Faces, f => Assert.True(f.Box.Area > 0 && f.Quality.Sharpness > 0));
        }

        Assert.Equal((Faces.Length, People.Length), (gallery.FaceCount, gallery.PersonCount));
    }

    [Fact]
    public async Task The_training_job_reads_back_with_its_typed_request_result_and_epochs()
    {
        var jobs = legacy.Services.GetRequiredService<TrainingJobs>();

        var job = await jobs.GetAsync(JobId, TestContext.Current.CancellationToken);
        var listed = await jobs.ListAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotNull(job);
        Assert.Equal(JobId, Assert.Single(listed).Id);
        Assert.Equal((TrainingJobStatus.Succeeded, 1), (job.Status, job.Attempts));
        Assert.Equal((10, 1.0), (job.BestEpoch!.Value, job.ValidationAccuracy!.Value));
        Assert.Equal(ModelKind.TransferHead, job.Request.Model);
        Assert.Equal([Ada, Grace, Zoe], job.Request.PersonIds);
        Assert.Equal((0.2, 5, true, true), (job.Request.ValidationFraction, job.Request.AugmentedCopies, job.Request.Augment, job.Request.SyntheticMasks));
        Assert.Equal((10, 32, 256, 42), (job.Request.Head.Epochs, job.Request.Head.BatchSize, job.Request.Head.HiddenSize, job.Request.Head.Seed));
        var result = job.Result;
        Assert.NotNull(result);
        Assert.Equal(People, result.Classes.Select(c => (c.Id, c.Name)));
        Assert.Equal([[1, 0, 0], [0, 1, 0], [0, 0, 1]], result.Confusion);
        Assert.Equal(People.Select(p => p.Name), result.PerClass.Select(c => c.Name));
        Assert.Equal((ModelKind.TransferHead, 10, 5, 3, 0.5f, "CPU"), (result.Model, result.BestEpoch, result.TrainFaces, result.ValidationFaces, result.ProbabilityThreshold, result.Device));
        Assert.Equal(Enumerable.Range(1, 10), job.Epochs.Select(e => e.Epoch));
        Assert.All(job.Epochs, e => Assert.Equal(1.0, e.ValidationAccuracy));
    }

    [Fact]
    public async Task Both_trained_models_are_found_and_the_active_one_is_put_in_use()
    {
        var models = legacy.Services.GetRequiredService<TrainedModels>();
        var active = legacy.Services.GetRequiredService<ActiveModelService>();

        var listed = await models.ListAsync(JobId, TestContext.Current.CancellationToken);
        await active.LoadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
            [(BestModel, "best", true), (LastModel, "last", false)],
            listed.OrderBy(m => m.Kind).Select(m => (m.Id, m.Kind, m.IsActive)));
        Assert.All(listed, m => Assert.Equal(Gallery.DefaultId, m.GalleryId)); // Models from before galleries are Main's, the one in use stays in use there.
        Assert.Equal(983_727, (await models.CheckpointAsync(BestModel, TestContext.Current.CancellationToken))?.Length);
        Assert.Equal(983_726, (await models.CheckpointAsync(LastModel, TestContext.Current.CancellationToken))?.Length);
        Assert.Equal(BestModel, active.For(Gallery.DefaultId)?.Id);
        Assert.Equal(People, active.For(Gallery.DefaultId)!.Classes.Select(c => (c.Id, c.Name)));
    }

    private IDbContextFactory<FacePortalDbContext> Databases => legacy.Services.GetRequiredService<IDbContextFactory<FacePortalDbContext>>();
}
