using FacePortal.Core.Applications;
using FacePortal.Core.Auditing;
using FacePortal.Core.Feedback;
using FacePortal.Core.Galleries;
using FacePortal.Core.Lab;
using FacePortal.Core.People;
using FacePortal.Core.Recognition;
using FacePortal.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Core.Tests.Galleries;

/// <summary>Galleries on Core's real services, real photos and a real SQLite file: names, recognition per gallery, moving people, and deletion with everything it erases.</summary>
public sealed class GalleryServiceTests
{
    private const string Actor = CoreServices.Actor;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Galleries_are_created_and_renamed_under_unique_names_Main_first_and_audited()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var galleries = core.Get<GalleryService>();

        var site = await galleries.CreateAsync("  Second   site ", Actor, Ct);
        var again = await galleries.CreateAsync("SECOND SITE", Actor, Ct);
        var main = await galleries.CreateAsync("main", Actor, Ct);
        var other = (await galleries.CreateAsync("Archive", Actor, Ct)).Value;
        var clash = await galleries.RenameAsync(other, "second site", Actor, Ct);
        var renamed = await galleries.RenameAsync(site.Value, "Head office", Actor, Ct);

        Assert.True(site.Succeeded);
        Assert.Equal("There is already a gallery called SECOND SITE.", again.Error);
        Assert.Equal("There is already a gallery called main.", main.Error);
        Assert.Equal("There is already a gallery called second site.", clash.Error);
        Assert.True(renamed.Succeeded);
        Assert.Equal(["Main", "Archive", "Head office"], (await galleries.ListAsync(Ct)).Select(g => g.Name));
        Assert.Equal(site.Value, await galleries.FindAsync("head OFFICE", Ct));
        Assert.Equal(site.Value, await galleries.FindAsync(site.Value.ToString(), Ct));
        Assert.Null(await galleries.FindAsync("Nowhere", Ct));
        var audit = await core.QueryAsync(db => db.AuditEntries.Where(a => a.SubjectId == site.Value.ToString()).OrderBy(a => a.Id).Select(a => a.Details).ToListAsync(Ct));
        Assert.Equal(["Created the gallery Second site.", "Renamed the gallery Second site to Head office."], audit);
    }

    [Fact]
    public async Task The_same_name_may_be_used_once_in_each_gallery()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var people = core.Get<PeopleService>();
        var site = (await core.Get<GalleryService>().CreateAsync("Site", Actor, Ct)).Value;

        var inMain = await people.CreateAsync("Ada", Actor, Ct);
        var inSite = await people.CreateAsync(site, "ADA", Actor, Ct);
        var twiceInSite = await people.CreateAsync(site, "ada", Actor, Ct);
        var nowhere = await people.CreateAsync(Guid.NewGuid(), "Ada", Actor, Ct);

        Assert.True(inMain.Succeeded && inSite.Succeeded);
        Assert.Equal("There is already a person called ada.", twiceInSite.Error);
        Assert.Equal("This gallery no longer exists.", nowhere.Error);
        Assert.Equal(inMain.Value, await people.FindByNameAsync(Gallery.DefaultId, "ada", Ct));
        Assert.Equal(inSite.Value, await people.FindByNameAsync(site, "ada", Ct));
        Assert.Equal([inSite.Value], (await people.ListAsync(new PeopleQuery(GalleryId: site), Ct)).Items.Select(p => p.Id));
        Assert.Equal(2, (await people.ListAsync(new PeopleQuery(), Ct)).TotalCount);
        Assert.Equal(site, (await people.GetAsync(inSite.Value, Ct))!.GalleryId);
    }

    [Fact]
    public async Task Recognition_names_a_person_only_in_their_own_gallery()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var people = core.Get<PeopleService>();
        var recognizer = core.Get<FaceRecognizer>();
        var site = (await core.Get<GalleryService>().CreateAsync("Site", Actor, Ct)).Value;
        var ada = (await people.CreateAsync(site, "Ada", Actor, Ct)).Value;
        var grace = (await people.CreateAsync("Grace", Actor, Ct)).Value;

        // Main is searched (and so loaded) before Site's enrollment: its index must not hear of Site's faces.
        Assert.Equal(0, (await core.Get<RecognitionGallery>().GetIndexAsync(Gallery.DefaultId, Ct)).FaceCount);
        Assert.True((await core.Get<EnrollmentService>().EnrollPhotoAsync(ada, Photos.DeepFace("img5.jpg"), "img5.jpg", PhotoSource.Upload, Actor, Ct)).IsAccepted);
        Assert.True((await core.Get<EnrollmentService>().EnrollPhotoAsync(grace, Photos.DeepFace("img13.jpg"), "img13.jpg", PhotoSource.Upload, Actor, Ct)).IsAccepted);

        var inSite = Assert.Single((await recognizer.RecognizeAsync(site, Photos.DeepFace("img6.jpg"), Ct)).Faces);
        var inMain = Assert.Single((await recognizer.RecognizeAsync(Gallery.DefaultId, Photos.DeepFace("img6.jpg"), Ct)).Faces);
        var graceInSite = Assert.Single((await recognizer.RecognizeAsync(site, Photos.DeepFace("img14.jpg"), Ct)).Faces);

        Assert.Equal(ada, inSite.Person?.PersonId);
        Assert.Null(inMain.Person);
        Assert.DoesNotContain(inMain.Candidates, c => c.PersonId == ada);
        Assert.Null(graceInSite.Person);
        Assert.Equal((1, 1), ((await recognizer.OperatingPointAsync(site, Ct)).People, (await recognizer.OperatingPointAsync(Gallery.DefaultId, Ct)).People));
    }

    [Fact]
    public async Task The_lab_looks_at_one_gallerys_faces()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var people = core.Get<PeopleService>();
        var enrollment = core.Get<EnrollmentService>();
        var site = (await core.Get<GalleryService>().CreateAsync("Site", Actor, Ct)).Value;
        var ada = (await people.CreateAsync(site, "Ada", Actor, Ct)).Value;
        var grace = (await people.CreateAsync("Grace", Actor, Ct)).Value;
        Assert.True((await enrollment.EnrollPhotoAsync(ada, Photos.DeepFace("img5.jpg"), "a.jpg", PhotoSource.Upload, Actor, Ct)).IsAccepted);
        Assert.True((await enrollment.EnrollPhotoAsync(ada, Photos.DeepFace("img6.jpg"), "b.jpg", PhotoSource.Upload, Actor, Ct)).IsAccepted);
        Assert.True((await enrollment.EnrollPhotoAsync(grace, Photos.DeepFace("img13.jpg"), "c.jpg", PhotoSource.Upload, Actor, Ct)).IsAccepted);
        var lab = core.Get<EmbeddingLab>();

        var inSite = await lab.AnalyseAsync(new LabFilter(GalleryId: site), Ct);
        var inMain = await lab.AnalyseAsync(new LabFilter(GalleryId: Gallery.DefaultId), Ct);

        Assert.Equal((2, "Ada"), (inSite.Faces.Count, Assert.Single(inSite.People).Name));
        Assert.Equal((1, "Grace"), (inMain.Faces.Count, Assert.Single(inMain.People).Name));
    }

    [Fact]
    public async Task A_moved_person_is_named_in_the_new_gallery_only_and_a_name_clash_is_refused()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var people = core.Get<PeopleService>();
        var galleries = core.Get<GalleryService>();
        var recognizer = core.Get<FaceRecognizer>();
        var site = (await galleries.CreateAsync("Site", Actor, Ct)).Value;
        var ada = (await people.CreateAsync("Ada", Actor, Ct)).Value;
        var otherAda = (await people.CreateAsync(site, "Ada", Actor, Ct)).Value;
        Assert.True((await core.Get<EnrollmentService>().EnrollPhotoAsync(ada, Photos.DeepFace("img5.jpg"), "img5.jpg", PhotoSource.Upload, Actor, Ct)).IsAccepted);
        Assert.Equal(ada, Assert.Single((await recognizer.RecognizeAsync(Gallery.DefaultId, Photos.DeepFace("img6.jpg"), Ct)).Faces).Person?.PersonId);
        Assert.Null(Assert.Single((await recognizer.RecognizeAsync(site, Photos.DeepFace("img6.jpg"), Ct)).Faces).Person);

        var clash = await galleries.MovePersonAsync(ada, site, Actor, Ct);
        Assert.Equal("There is already a person called Ada in Site; rename one of them first.", clash.Error);
        Assert.True((await people.DeleteAsync(otherAda, Actor, Ct)).Found);
        var moved = await galleries.MovePersonAsync(ada, site, Actor, Ct);
        var again = await galleries.MovePersonAsync(ada, site, Actor, Ct);

        Assert.True(moved.Succeeded, moved.Error);
        Assert.Equal("Ada is already in Site.", again.Error);
        Assert.Equal(site, await people.FindGalleryAsync(ada, Ct));
        Assert.Equal(ada, Assert.Single((await recognizer.RecognizeAsync(site, Photos.DeepFace("img6.jpg"), Ct)).Faces).Person?.PersonId);
        Assert.Null(Assert.Single((await recognizer.RecognizeAsync(Gallery.DefaultId, Photos.DeepFace("img6.jpg"), Ct)).Faces).Person);
        var audit = await core.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.PersonMovedGallery, Ct));
        Assert.Equal((ada.ToString(), "Moved Ada from the gallery Main to Site."), (audit.SubjectId, audit.Details));
    }

    [Fact]
    public async Task Deleting_a_gallery_erases_its_people_as_person_deletion_does_and_leaves_other_galleries_alone()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var people = core.Get<PeopleService>();
        var galleries = core.Get<GalleryService>();
        var enrollment = core.Get<EnrollmentService>();
        var site = (await galleries.CreateAsync("Site", Actor, Ct)).Value;
        var ada = (await people.CreateAsync(site, "Ada", Actor, Ct)).Value;
        var grace = (await people.CreateAsync("Grace", Actor, Ct)).Value;
        Assert.True((await enrollment.EnrollPhotoAsync(ada, Photos.DeepFace("img5.jpg"), "a.jpg", PhotoSource.Upload, Actor, Ct)).IsAccepted);
        Assert.True((await enrollment.EnrollPhotoAsync(ada, Photos.DeepFace("img6.jpg"), "b.jpg", PhotoSource.Upload, Actor, Ct)).IsAccepted);
        Assert.True((await enrollment.EnrollPhotoAsync(grace, Photos.DeepFace("img13.jpg"), "c.jpg", PhotoSource.Upload, Actor, Ct)).IsAccepted);
        var marked = await core.Get<FeedbackService>().MarkAsync(ada, Photos.DeepFace("img14.jpg"), null, null, NegativeSource.Api, Actor, Ct);
        Assert.NotNull(marked.Marked);
        var onlySite = (await core.Get<ApplicationKeys>().CreateAsync("Site door", ApplicationScopes.Recognize, null, Actor, [site], Ct)).Value;
        var both = (await core.Get<ApplicationKeys>().CreateAsync("Admin tool", ApplicationScopes.Recognize, null, Actor, [site, Gallery.DefaultId], Ct)).Value;
        var siteIndex = await core.Get<RecognitionGallery>().GetIndexAsync(site, Ct);
        Assert.Equal(2, siteIndex.FaceCount);

        // Ada's two photos and crops and her negative's crop; Grace's photo and crop stay.
        Assert.Equal(7, core.BlobFiles().Count);
        var refused = await galleries.DeleteAsync(Gallery.DefaultId, Actor, Ct);
        var report = await galleries.DeleteAsync(site, Actor, Ct);

        Assert.Equal("Main is the default gallery and cannot be deleted.", refused!.Error);
        Assert.Equal(new GalleryDeletionReport("Site", 1, 2, 2, 5, 1), report!.Value);
        Assert.Null(await galleries.DeleteAsync(site, Actor, Ct));
        Assert.Equal(2, core.BlobFiles().Count);
        Assert.Null(await people.GetAsync(ada, Ct));
        Assert.Equal(grace, Assert.Single((await people.ListAsync(new PeopleQuery(), Ct)).Items).Id);
        Assert.Equal(0, await core.QueryAsync(db => db.NegativeExamples.CountAsync(Ct)));
        Assert.Equal(0, await core.QueryAsync(db => db.Galleries.CountAsync(g => g.Id == site, Ct)));
        Assert.Empty((await core.Get<ApplicationKeys>().GetAsync(onlySite.Id, Ct))!.Galleries);
        Assert.Equal([Gallery.DefaultId], (await core.Get<ApplicationKeys>().GetAsync(both.Id, Ct))!.Galleries);
        Assert.Equal(0, (await core.Get<RecognitionGallery>().GetIndexAsync(site, Ct)).FaceCount);
        Assert.Equal(1, (await core.Get<RecognitionGallery>().GetIndexAsync(Gallery.DefaultId, Ct)).FaceCount);
        var audit = await core.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.PersonDeleted || a.Action == AuditActions.GalleryDeleted)
            .OrderBy(a => a.Id).Select(a => a.Details).ToListAsync(Ct));
        Assert.Equal(2, audit.Count);
        Assert.StartsWith("Deleted Ada with 2 photo(s), 2 face(s) and their embeddings, 1 face(s) marked not them", audit[0], StringComparison.Ordinal);
        Assert.Equal("Deleted the gallery Site with 1 person(s), 2 photo(s) and 2 face(s); 5 file(s) removed from disk; 1 application key(s) left with no gallery.", audit[1]);
    }
}
