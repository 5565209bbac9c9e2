using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FacePortal.Core.People;
using FacePortal.Core.People.Transfer;
using FacePortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Web.Tests.People;

public sealed class TransferTests(FacePortalFactory factory) : IClassFixture<FacePortalFactory>
{
    [Fact]
    public async Task An_export_imports_into_another_installation_with_the_same_people_and_embeddings()
    {
        using var admin = await factory.SignInAsync();
        var person = await ApiJson.CreatePersonAsync(admin, "Ana / Export");
        await ApiJson.UploadAsync(admin, person, ("img1.jpg", TestPhotos.DeepFace("img1.jpg")), ("img2.jpg", TestPhotos.DeepFace("img2.jpg")));
        var original = await factory.QueryAsync(db => db.Faces.Where(f => f.PersonId == person).Select(f => f.Embedding).ToListAsync());

        var zip = await admin.GetByteArrayAsync(new Uri($"/api/v1/people/{person}/export", UriKind.Relative), TestContext.Current.CancellationToken);

        using (var archive = new ZipArchive(new MemoryStream(zip)))
        {
            Assert.Contains(archive.Entries, e => e.FullName == FaceSetManifest.FileName);
            Assert.Equal(2, archive.Entries.Count(e => e.FullName.StartsWith("Ana _ Export/", StringComparison.Ordinal)));
        }

        await using var other = new FacePortalFactory();
        using var otherAdmin = await other.SignInAsync();
        var report = await ImportAsync(otherAdmin, zip);

        var imported = Assert.Single(report.People);
        Assert.Equal("Ana / Export", imported.Name);
        Assert.True(imported.Created);
        Assert.Equal(2, imported.Accepted);
        var copies = await other.QueryAsync(db => db.Faces.Where(f => f.PersonId == imported.PersonId).Select(f => f.Embedding).ToListAsync());

        // Aligned crops are embedded as they are, so the embeddings match the originals (PNG is lossless).
        foreach (var copy in copies)
        {
            var best = original.Max(o => Cosine(FloatBlob.ToFloats(o), FloatBlob.ToFloats(copy)));
            Assert.True(best > 0.99, $"cosine {best}");
        }
    }

    [Fact]
    public async Task A_zip_of_photo_folders_enrolls_many_people_and_reports_bad_files()
    {
        using var admin = await factory.SignInAsync();
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "dataset/Folder Alice/a.jpg", TestPhotos.DeepFace("img1.jpg"));
            Add(archive, "dataset/Folder Alice/b.jpg", TestPhotos.DeepFace("img2.jpg"));
            Add(archive, "dataset/Folder Bob/c.jpg", TestPhotos.DeepFace("img17.jpg"));
            Add(archive, "dataset/Folder Bob/readme.txt", "hello"u8.ToArray());
            Add(archive, "dataset/Folder Bob/broken.jpg", "not a jpeg"u8.ToArray());
            Add(archive, "__MACOSX/dataset/._a.jpg", [0, 1]);
        }

        var report = await ImportAsync(admin, buffer.ToArray());

        Assert.Equal(["Folder Alice", "Folder Bob"], report.People.Select(p => p.Name).Order());
        Assert.Equal(2, report.People.Single(p => p.Name == "Folder Alice").Accepted);
        var bob = report.People.Single(p => p.Name == "Folder Bob");
        Assert.Equal(1, bob.Accepted);
        Assert.Equal(2, bob.Rejected);
        Assert.Equal(3, await factory.QueryAsync(db => db.Faces.CountAsync(f => f.Person!.Name.StartsWith("Folder "))));
    }

    [Fact]
    public async Task A_gallery_is_exported_and_imported_into_by_name_and_an_unknown_gallery_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await factory.SignInAsync();
        var galleryName = $"Transfer {Guid.NewGuid():N}"[..18];
        using (var created = await admin.PostAsJsonAsync(new Uri("/api/v1/galleries", UriKind.Relative), new { name = galleryName }, ct))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "Gallery Grace/a.jpg", TestPhotos.DeepFace("img5.jpg"));
        }

        using var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var imported = await admin.PostAsync(new Uri($"/api/v1/import?gallery={Uri.EscapeDataString(galleryName)}", UriKind.Relative), content, ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var grace = Assert.Single((await imported.Content.ReadFromJsonAsync<ImportReport>(ApiJson.Options, ct))!.People);
        var galleryId = await factory.QueryAsync(db => db.Galleries.Where(g => g.Name == galleryName).Select(g => g.Id).SingleAsync(ct));
        Assert.Equal(galleryId, await factory.QueryAsync(db => db.People.Where(p => p.Id == grace.PersonId).Select(p => p.GalleryId).SingleAsync(ct)));

        // The gallery's export holds its own person only; without the parameter, everyone (the fixture's people too).
        using var export = await admin.GetAsync(new Uri($"/api/v1/export?gallery={galleryId}", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.StartsWith("faceportal-Transfer", export.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        using (var archive = new ZipArchive(await export.Content.ReadAsStreamAsync(ct)))
        {
            Assert.Equal(["Gallery Grace"], archive.Entries.Where(e => e.Name.EndsWith(".png", StringComparison.Ordinal)).Select(e => e.FullName.Split('/')[0]).Distinct());
        }

        using var nowhere = await admin.GetAsync(new Uri("/api/v1/export?gallery=Nowhere", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        using var nowhereImport = new ByteArrayContent(buffer.ToArray());
        nowhereImport.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var refused = await admin.PostAsync(new Uri("/api/v1/import?gallery=Nowhere", UriKind.Relative), nowhereImport, ct);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("There is no gallery 'Nowhere'.", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_whose_photos_are_all_rejected_creates_nobody()
    {
        using var admin = await factory.SignInAsync();
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "Nobody Enrolled/broken.jpg", "not a jpeg"u8.ToArray());
            Add(archive, "Nobody Enrolled/empty.png", []);
        }

        var report = await ImportAsync(admin, buffer.ToArray());

        var nobody = Assert.Single(report.People);
        Assert.Null(nobody.PersonId);
        Assert.False(nobody.Created);
        Assert.Equal(2, nobody.Rejected);
        Assert.Contains(report.Problems, p => p.Contains("none of the photos could be enrolled, so Nobody Enrolled was not created", StringComparison.Ordinal));
        Assert.False(await factory.QueryAsync(db => db.People.AnyAsync(p => p.Name == "Nobody Enrolled")));
    }

    [Fact]
    public async Task Files_that_are_not_zips_are_refused_with_a_message()
    {
        using var admin = await factory.SignInAsync();
        using var content = new ByteArrayContent("definitely not a zip"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");

        using var response = await admin.PostAsync(new Uri("/api/v1/import", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a zip archive", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static async Task<ImportReport> ImportAsync(HttpClient client, byte[] zip)
    {
        using var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var response = await client.PostAsync(new Uri("/api/v1/import", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ImportReport>(ApiJson.Options, TestContext.Current.CancellationToken))!;
    }

    private static void Add(ZipArchive archive, string path, byte[] bytes)
    {
        using var stream = archive.CreateEntry(path).Open();
        stream.Write(bytes);
    }

    private static double Cosine(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b);
}
