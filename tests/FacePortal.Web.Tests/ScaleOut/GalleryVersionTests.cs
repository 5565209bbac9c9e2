using FacePortal.Core.Data;
using FacePortal.Core.People;
using FacePortal.Core.Recognition;
using FacePortal.Core.ScaleOut;
using FacePortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.ScaleOut;

/// <summary>
/// The database's gallery version moves with every change recognition sees, and a node that reloads
/// sees what another node changed: two apps on one data directory, without Redis, stand in for two
/// nodes that missed each other's messages.
/// </summary>
public sealed class GalleryVersionTests
{
    [Fact]
    public async Task Every_change_to_the_gallery_moves_the_version()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new FacePortalFactory();
        var databases = app.Services.GetRequiredService<IDbContextFactory<FacePortalDbContext>>();
        var people = app.Services.GetRequiredService<PeopleService>();
        var versions = new List<GalleryVersion> { await GalleryVersion.ReadAsync(databases, ct) };
        async Task Read() => versions.Add(await GalleryVersion.ReadAsync(databases, ct));

        var angelina = await GalleryPeople.EnrollAsync(app, "Angelina Version", "img1.jpg", "img2.jpg");
        await Read();
        Assert.True((await people.RenameAsync(angelina, "Angelina Renamed", "test", ct)).Succeeded);
        await Read();
        var photo = (await people.GetAsync(angelina, ct))!.Photos[0].Id;
        Assert.True((await people.DeletePhotoAsync(photo, "test", ct)).Found);
        await Read();
        Assert.True((await people.DeleteAsync(angelina, "test", ct)).Found);
        await Read();
        await app.Services.GetRequiredService<ActiveModelService>().UseGalleryAsync(FacePortal.Core.Galleries.Gallery.DefaultId, "test", ct);
        await Read();

        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.Equal([0, 2, 2, 1, 0, 0], versions.Select(v => v.Faces));
    }

    [Fact]
    public async Task A_node_that_reloads_stops_recognising_a_person_another_node_deleted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nodeA = new FacePortalFactory();
        var angelina = await GalleryPeople.EnrollAsync(nodeA, "Angelina Elsewhere", "img1.jpg", "img2.jpg");
        await using var nodeB = new FacePortalFactory { DataDirectory = nodeA.DataDirectory };
        var recognizerB = nodeB.Services.GetRequiredService<FaceRecognizer>();
        Assert.Equal(angelina, Assert.Single((await recognizerB.RecognizeAsync(FacePortal.Core.Galleries.Gallery.DefaultId, TestPhotos.DeepFace("img4.jpg"), ct)).Faces).Person?.PersonId);

        // Node A deletes; with no channel between them node B still has the person in memory...
        Assert.True((await nodeA.Services.GetRequiredService<PeopleService>().DeleteAsync(angelina, "test", ct)).Found);
        Assert.NotNull(Assert.Single((await recognizerB.RecognizeAsync(FacePortal.Core.Galleries.Gallery.DefaultId, TestPhotos.DeepFace("img4.jpg"), ct)).Faces).Person);

        // ...until it reloads, which is what a node does when the database's version moved.
        await nodeB.Services.GetRequiredService<RecognitionGallery>().ReloadAsync(ct);
        Assert.Null(Assert.Single((await recognizerB.RecognizeAsync(FacePortal.Core.Galleries.Gallery.DefaultId, TestPhotos.DeepFace("img4.jpg"), ct)).Faces).Person);
        Assert.Equal(0, (await nodeB.Services.GetRequiredService<RecognitionGallery>().GetIndexAsync(FacePortal.Core.Galleries.Gallery.DefaultId, ct)).PersonCount);
    }
}
