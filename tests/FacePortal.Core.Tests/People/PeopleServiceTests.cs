using FacePortal.Core.Auditing;
using FacePortal.Core.People;
using FacePortal.Core.Recognition;
using FacePortal.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Core.Tests.People;

/// <summary>People management on Core's real services and a real SQLite file: names, listing, renaming, moving and deleting with their files.</summary>
public sealed class PeopleServiceTests
{
    private const string Actor = CoreServices.Actor;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_person_is_created_with_a_tidied_name_once_whatever_the_case_and_audited()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var people = core.Get<PeopleService>();

        var created = await people.CreateAsync("  Zoë   Ünicode ", Actor, Ct);
        var again = await people.CreateAsync("zoë ünicode", Actor, Ct);
        var empty = await people.CreateAsync("   ", Actor, Ct);

        Assert.True(created.Succeeded);
        Assert.Equal("Zoë Ünicode", await people.FindNameAsync(created.Value, Ct));
        Assert.False(again.Succeeded);
        Assert.Equal("There is already a person called zoë ünicode.", again.Error);
        Assert.False(empty.Succeeded);
        Assert.Equal("Enter a name.", empty.Error);
        Assert.Equal(created.Value, await people.FindByNameAsync("ZOË ÜNICODE", Ct));
        var audit = await core.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.PersonCreated).ToListAsync(Ct));
        Assert.Equal(created.Value.ToString(), Assert.Single(audit).SubjectId);
    }

    [Fact]
    public async Task Listing_searches_sorts_and_pages_in_the_database()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var people = core.Get<PeopleService>();
        foreach (var name in new[] { "Carol Danvers", "Alice Liddell", "Bob 100%_sure", "Dave Bowman" })
        {
            Assert.True((await people.CreateAsync(name, Actor, Ct)).Succeeded);
            core.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var byName = await people.ListAsync(new PeopleQuery(), Ct);
        var newestFirst = await people.ListAsync(new PeopleQuery(Sort: PeopleSort.Created, Descending: true), Ct);
        var secondPage = await people.ListAsync(new PeopleQuery(PageSize: 3, Page: 1), Ct);
        var search = await people.ListAsync(new PeopleQuery(Search: "ALICE"), Ct);
        var wildcards = await people.ListAsync(new PeopleQuery(Search: "%_"), Ct);

        Assert.Equal(4, byName.TotalCount);
        Assert.Equal(["Alice Liddell", "Bob 100%_sure", "Carol Danvers", "Dave Bowman"], byName.Items.Select(p => p.Name));
        Assert.Equal("Dave Bowman", newestFirst.Items[0].Name);
        Assert.Equal(4, secondPage.TotalCount);
        Assert.Equal(["Dave Bowman"], secondPage.Items.Select(p => p.Name));
        Assert.Equal(["Alice Liddell"], search.Items.Select(p => p.Name));

        // % and _ are searched for as themselves, not as LIKE's wildcards.
        Assert.Equal(["Bob 100%_sure"], wildcards.Items.Select(p => p.Name));
    }

    [Fact]
    public async Task Renaming_refuses_a_taken_name_and_the_gallery_follows_a_rename()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var people = core.Get<PeopleService>();
        var ada = (await people.CreateAsync("Ada", Actor, Ct)).Value;
        var grace = (await people.CreateAsync("Grace", Actor, Ct)).Value;
        var enrolled = await core.Get<EnrollmentService>().EnrollPhotoAsync(ada, Photos.DeepFace("img1.jpg"), "img1.jpg", PhotoSource.Upload, Actor, Ct);
        Assert.True(enrolled.IsAccepted, enrolled.Message);
        var gallery = await core.Get<RecognitionGallery>().GetIndexAsync(FacePortal.Core.Galleries.Gallery.DefaultId, Ct);

        var taken = await people.RenameAsync(ada, "GRACE", Actor, Ct);
        var renamed = await people.RenameAsync(ada, "Ada Lovelace", Actor, Ct);
        var gone = await people.RenameAsync(Guid.NewGuid(), "Nobody", Actor, Ct);

        Assert.Equal("There is already a person called GRACE.", taken.Error);
        Assert.True(renamed.Succeeded);
        Assert.Equal("This person no longer exists.", gone.Error);
        Assert.Equal("Ada Lovelace", (await people.GetAsync(ada, Ct))!.Name);
        Assert.Equal("Grace", await people.FindNameAsync(grace, Ct));
        Assert.Equal("Ada Lovelace", Assert.Single(gallery.Faces()).PersonName);
    }

    [Fact]
    public async Task Deleting_a_person_removes_their_rows_files_and_gallery_faces_but_not_a_photo_someone_else_has()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var people = core.Get<PeopleService>();
        var enrollment = core.Get<EnrollmentService>();
        var ada = (await people.CreateAsync("Ada", Actor, Ct)).Value;
        var grace = (await people.CreateAsync("Grace", Actor, Ct)).Value;
        var shared = Photos.DeepFace("img1.jpg");
        Assert.True((await enrollment.EnrollPhotoAsync(ada, shared, "a.jpg", PhotoSource.Upload, Actor, Ct)).IsAccepted);
        Assert.True((await enrollment.EnrollPhotoAsync(ada, Photos.DeepFace("img2.jpg"), "b.jpg", PhotoSource.Upload, Actor, Ct)).IsAccepted);
        var alsoGrace = await enrollment.EnrollPhotoAsync(grace, shared, "c.jpg", PhotoSource.Upload, Actor, Ct);
        Assert.Equal(EnrollmentStatus.AcceptedWithWarning, alsoGrace.Status);
        Assert.Contains("also enrolled for Ada", alsoGrace.Message, StringComparison.Ordinal);

        // Two photos and two crops of Ada's, of which the shared photo and its (identical) crop stay for Grace.
        Assert.Equal(4, core.BlobFiles().Count);
        var gallery = await core.Get<RecognitionGallery>().GetIndexAsync(FacePortal.Core.Galleries.Gallery.DefaultId, Ct);
        Assert.Equal(3, gallery.FaceCount);

        var report = await people.DeleteAsync(ada, Actor, Ct);

        Assert.Equal(new DeletionReport(true, 2, 2, 2), report);
        Assert.Null(await people.GetAsync(ada, Ct));
        Assert.Equal(2, core.BlobFiles().Count);
        Assert.Equal(0, await core.QueryAsync(db => db.Faces.CountAsync(f => f.PersonId == ada, Ct)));
        Assert.Equal(grace, Assert.Single(gallery.Faces()).PersonId);
        Assert.Equal(DeletionReport.NotFound, await people.DeleteAsync(ada, Actor, Ct));
        var audit = await core.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.PersonDeleted, Ct));
        Assert.Contains("Deleted Ada with 2 photo(s), 2 face(s)", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_face_moves_with_its_photo_to_another_person_once()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var people = core.Get<PeopleService>();
        var ada = (await people.CreateAsync("Ada", Actor, Ct)).Value;
        var grace = (await people.CreateAsync("Grace", Actor, Ct)).Value;
        var enrolled = await core.Get<EnrollmentService>().EnrollPhotoAsync(ada, Photos.DeepFace("img1.jpg"), "img1.jpg", PhotoSource.Upload, Actor, Ct);
        var faceId = enrolled.FaceId!.Value;

        var moved = await people.MoveFaceAsync(faceId, grace, Actor, Ct);
        var again = await people.MoveFaceAsync(faceId, grace, Actor, Ct);

        Assert.True(moved.Succeeded);
        Assert.Equal("This face is already Grace's.", again.Error);
        Assert.Empty((await people.GetAsync(ada, Ct))!.Faces);
        var graces = (await people.GetAsync(grace, Ct))!;
        Assert.Equal(faceId, Assert.Single(graces.Faces).Id);
        Assert.Equal(enrolled.PhotoId, Assert.Single(graces.Photos).Id);
        var gallery = await core.Get<RecognitionGallery>().GetIndexAsync(FacePortal.Core.Galleries.Gallery.DefaultId, Ct);
        Assert.Equal(("Grace", grace), (Assert.Single(gallery.Faces()).PersonName, Assert.Single(gallery.Faces()).PersonId));
    }

    [Fact]
    public async Task Deleting_a_face_deletes_its_photo_and_both_files()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var people = core.Get<PeopleService>();
        var ada = (await people.CreateAsync("Ada", Actor, Ct)).Value;
        var enrolled = await core.Get<EnrollmentService>().EnrollPhotoAsync(ada, Photos.DeepFace("img1.jpg"), "img1.jpg", PhotoSource.Upload, Actor, Ct);
        Assert.Equal(2, core.BlobFiles().Count);

        var report = await people.DeleteFaceAsync(enrolled.FaceId!.Value, Actor, Ct);

        Assert.Equal(new DeletionReport(true, 1, 1, 2), report);
        Assert.Empty(core.BlobFiles());
        Assert.Equal(0, await core.QueryAsync(db => db.Photos.CountAsync(Ct)));
        Assert.Equal(DeletionReport.NotFound, await people.DeletePhotoAsync(enrolled.PhotoId!.Value, Actor, Ct));
    }
}
