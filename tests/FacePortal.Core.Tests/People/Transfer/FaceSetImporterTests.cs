using System.IO.Compression;
using FacePortal.Core.Auditing;
using FacePortal.Core.Galleries;
using FacePortal.Core.People;
using FacePortal.Core.People.Transfer;
using FacePortal.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Core.Tests.People.Transfer;

/// <summary>
/// Zip imports on Core's real services: real photos through the real pipeline into a real SQLite
/// file. A folder per person, limits checked before anything is read, an export of ours read back
/// as aligned crops, and every file accounted for in the report.
/// </summary>
public sealed class FaceSetImporterTests
{
    private const string Actor = CoreServices.Actor;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_folder_per_person_is_imported_and_every_other_file_is_reported()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var existing = (await core.Get<PeopleService>().CreateAsync("Grace", Actor, Ct)).Value;
        using var zip = Zip(
            ("dataset/Ada/img1.jpg", Photos.DeepFace("img1.jpg")),
            ("dataset/Ada/notes.txt", "not a photo"u8.ToArray()),
            ("dataset/grace/img5.jpg", Photos.DeepFace("img5.jpg")),
            ("dataset/Nobody/landscape.jpg", Photos.Landscape()),
            ("dataset/Group/couple.jpg", Photos.DeepFace("couple.jpg")),
            ("loose.jpg", Photos.DeepFace("img2.jpg")),
            ("__MACOSX/dataset/Ada/._img1.jpg", [0]),
            ("dataset/Ada/.DS_Store", [0]));
        var progress = new List<ImportProgress>();

        var report = await core.Get<FaceSetImporter>().ImportAsync(zip, Gallery.DefaultId, Actor, new SynchronousProgress(progress), Ct);

        Assert.Equal(["Ada", "grace", "Nobody", "Group"], report.People.Select(p => p.Name));
        var ada = report.People[0];
        Assert.True(ada.Created);
        Assert.NotNull(ada.PersonId);
        Assert.Equal([EnrollmentStatus.Accepted, EnrollmentStatus.Rejected], ada.Results.Select(r => r.Status));
        Assert.Equal("Not an image file (JPEG, PNG, WebP or BMP), skipped.", ada.Results[1].Message);

        // Matched by name, whatever its case: the existing person gets the face, nobody new is created.
        var grace = report.People[1];
        Assert.Equal((existing, false, 1), (grace.PersonId, grace.Created, grace.Accepted));

        // Nothing enrolled of a new person: they are not left behind, empty.
        Assert.Equal((null, false), (report.People[2].PersonId, report.People[2].Created));
        Assert.Equal(RejectionReason.NoFace, Assert.Single(report.People[2].Results).Reason);
        var group = Assert.Single(report.People[3].Results);
        Assert.Equal((EnrollmentStatus.NeedsFaceChoice, "2 faces: upload it on the person page and pick the face."), (group.Status, group.Message));
        Assert.Null(report.People[3].PersonId);
        Assert.Equal(
            ["loose.jpg: not in a person's folder, skipped.", "Nobody: none of the photos could be enrolled, so Nobody was not created.", "Group: none of the photos could be enrolled, so Group was not created."],
            report.Problems);
        Assert.Equal((2, 3), (report.Accepted, report.Rejected));
        Assert.Equal(["Ada", "Grace"], await core.QueryAsync(db => db.People.OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(Ct)));

        Assert.Equal(Enumerable.Range(1, 5), progress.Select(p => p.Done));
        Assert.All(progress, p => Assert.Equal(5, p.Total));
        Assert.Equal(["Ada", "Ada", "grace", "Nobody", "Group"], progress.Select(p => p.CurrentPerson));
        var audit = await core.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.FacesImported, Ct));
        Assert.Equal("Imported a zip: 2 face(s) accepted, 3 rejected, for 4 person(s) (1 new).", audit.Details);
    }

    [Fact]
    public async Task An_export_imported_into_another_installation_brings_the_same_people_and_faces_as_aligned_crops()
    {
        await using var source = await CoreServices.StartAsync(Ct);
        var ada = (await source.Get<PeopleService>().CreateAsync("Ada Lovelace", Actor, Ct)).Value;
        foreach (var file in new[] { "img1.jpg", "img2.jpg" })
        {
            Assert.True((await source.Get<EnrollmentService>().EnrollPhotoAsync(ada, Photos.DeepFace(file), file, PhotoSource.Upload, Actor, Ct)).IsAccepted);
        }

        using var export = new MemoryStream();
        Assert.Equal(2, await source.Get<FaceSetExporter>().WriteAsync(export, null, null, Actor, Ct));
        export.Position = 0;

        await using var target = await CoreServices.StartAsync(Ct);
        var report = await target.Get<FaceSetImporter>().ImportAsync(export, Gallery.DefaultId, Actor, null, Ct);

        var person = Assert.Single(report.People);
        Assert.Equal(("Ada Lovelace", true, 2), (person.Name, person.Created, person.Accepted));
        Assert.All(person.Results, r => Assert.Equal("Enrolled (aligned crop).", r.Message));
        Assert.Empty(report.Problems);
        var embeddings = await target.QueryAsync(db => db.Faces.Select(f => f.Embedding).ToListAsync(Ct));
        var originals = await source.QueryAsync(db => db.Faces.Select(f => f.Embedding).ToListAsync(Ct));

        // The crop is embedded as it is, so each face comes back where it was (up to PNG's exact pixels).
        foreach (var imported in embeddings.Select(e => FloatBlob.ToFloats(e)))
        {
            var best = originals.Select(o => FloatBlob.ToFloats(o)).Max(o => System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(o, imported));
            Assert.True(best > 0.98f, $"cosine {best}");
        }
    }

    [Fact]
    public async Task A_gallery_exports_its_own_people_and_an_import_matches_and_creates_people_in_the_gallery_chosen()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var site = (await core.Get<GalleryService>().CreateAsync("Branch", Actor, Ct)).Value;
        var mainAda = (await core.Get<PeopleService>().CreateAsync("Ada", Actor, Ct)).Value;
        var siteGrace = (await core.Get<PeopleService>().CreateAsync(site, "Grace", Actor, Ct)).Value;
        Assert.True((await core.Get<EnrollmentService>().EnrollPhotoAsync(mainAda, Photos.DeepFace("img1.jpg"), "img1.jpg", PhotoSource.Upload, Actor, Ct)).IsAccepted);
        Assert.True((await core.Get<EnrollmentService>().EnrollPhotoAsync(siteGrace, Photos.DeepFace("img5.jpg"), "img5.jpg", PhotoSource.Upload, Actor, Ct)).IsAccepted);

        using var export = new MemoryStream();
        Assert.Equal(1, await core.Get<FaceSetExporter>().WriteAsync(export, site, null, Actor, Ct));
        export.Position = 0;
        using (var zip = new ZipArchive(export, ZipArchiveMode.Read, leaveOpen: true))
        {
            Assert.Equal(["Grace"], zip.Entries.Where(e => e.Name.EndsWith(".png", StringComparison.Ordinal)).Select(e => e.FullName.Split('/')[0]).Distinct());
        }

        // "Ada" exists in Main only: imported into the branch, she is a new person there, and Main's Ada is untouched.
        using var incoming = Zip(("Ada/img2.jpg", Photos.DeepFace("img2.jpg")), ("Grace/img6.jpg", Photos.DeepFace("img6.jpg")));
        var report = await core.Get<FaceSetImporter>().ImportAsync(incoming, site, Actor, null, Ct);

        Assert.Equal([("Ada", true), ("Grace", false)], report.People.Select(p => (p.Name, p.Created)));
        Assert.NotEqual(mainAda, report.People[0].PersonId);
        Assert.Equal(siteGrace, report.People[1].PersonId);
        Assert.Equal(site, await core.Get<PeopleService>().FindGalleryAsync(report.People[0].PersonId!.Value, Ct));
        Assert.Equal(1, await core.QueryAsync(db => db.Faces.CountAsync(f => f.PersonId == mainAda, Ct)));
    }

    [Fact]
    public async Task Too_many_files_or_not_a_zip_are_refused_before_anything_is_enrolled()
    {
        await using var core = await CoreServices.StartAsync(Ct, new Dictionary<string, string?> { ["FacePortal:Enrollment:MaxZipEntries"] = "2" });
        using var tooMany = Zip(("A/1.jpg", [1]), ("A/2.jpg", [2]), ("B/3.jpg", [3]));
        using var notZip = new MemoryStream("PK? no"u8.ToArray());

        var refused = await core.Get<FaceSetImporter>().ImportAsync(tooMany, Gallery.DefaultId, Actor, null, Ct);
        var broken = await core.Get<FaceSetImporter>().ImportAsync(notZip, Gallery.DefaultId, Actor, null, Ct);

        Assert.Equal(["The zip holds 3 files; at most 2 can be imported at once."], refused.Problems);
        Assert.Equal(["The file is not a zip archive."], broken.Problems);
        Assert.Empty(refused.People);
        Assert.Equal(0, await core.QueryAsync(db => db.People.CountAsync(Ct)));
    }

    private static MemoryStream Zip(params (string Path, byte[] Content)[] files)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                using var entry = zip.CreateEntry(path).Open();
                entry.Write(content);
            }
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>Progress reports as they happen (<see cref="Progress{T}"/> would post them to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => reports.Add(value);
    }
}
