using System.Net;
using System.Net.Http.Json;
using FacePortal.Core.People;
using FacePortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.People;

public sealed class PersonDeletionTests(FacePortalFactory factory) : IClassFixture<FacePortalFactory>
{
    [Fact]
    public async Task Deleting_a_person_leaves_nothing_of_them_in_the_database_or_on_disk()
    {
        using var admin = await factory.SignInAsync();
        var keep = await ApiJson.CreatePersonAsync(admin, "Kept");
        var gone = await ApiJson.CreatePersonAsync(admin, "Deleted");
        await ApiJson.UploadAsync(admin, keep, ("img1.jpg", TestPhotos.DeepFace("img1.jpg")));

        // One photo shared with the kept person: its file must survive, the rest must not.
        await ApiJson.UploadAsync(admin, gone, ("img1.jpg", TestPhotos.DeepFace("img1.jpg")), ("img2.jpg", TestPhotos.DeepFace("img2.jpg")), ("img4.jpg", TestPhotos.DeepFace("img4.jpg")));
        var goneHashes = await factory.QueryAsync(async db =>
            (await db.Photos.Where(p => p.PersonId == gone).Select(p => p.ContentHash).ToListAsync())
                .Concat(await db.Faces.Where(f => f.PersonId == gone).Select(f => f.CropHash).ToListAsync()).ToList());
        var keptHashes = await factory.QueryAsync(async db =>
            (await db.Photos.Where(p => p.PersonId == keep).Select(p => p.ContentHash).ToListAsync())
                .Concat(await db.Faces.Where(f => f.PersonId == keep).Select(f => f.CropHash).ToListAsync()).ToList());
        Assert.Equal(6, goneHashes.Count);

        using var response = await admin.DeleteAsync(new Uri($"/api/v1/people/{gone}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<DeletionReport>(ApiJson.Options, TestContext.Current.CancellationToken);
        Assert.Equal(new DeletionReport(true, 3, 3, 4), report);
        Assert.False(await factory.QueryAsync(db => db.People.AnyAsync(p => p.Id == gone)));
        Assert.False(await factory.QueryAsync(db => db.Photos.AnyAsync(p => p.PersonId == gone)));
        Assert.False(await factory.QueryAsync(db => db.Faces.AnyAsync(f => f.PersonId == gone)));
        var files = factory.BlobFiles();
        Assert.All(goneHashes.Except(keptHashes), hash => Assert.DoesNotContain(hash, files));
        Assert.All(keptHashes, hash => Assert.Contains(hash, files));

        var audit = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "person.deleted" && e.SubjectId == gone.ToString()));
        Assert.Equal(FacePortalFactory.AdminName, audit.Actor);
        Assert.Contains("3 photo(s), 3 face(s)", audit.Details, StringComparison.Ordinal);

        // Its media are gone from the API too.
        var faceId = await factory.QueryAsync(db => db.Faces.Where(f => f.PersonId == keep).Select(f => f.Id).SingleAsync());
        using var keptCrop = await admin.GetAsync(new Uri($"/api/v1/faces/{faceId}/crop", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, keptCrop.StatusCode);
        using var again = await admin.DeleteAsync(new Uri($"/api/v1/people/{gone}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_face_deletes_its_photo_and_files()
    {
        using var admin = await factory.SignInAsync();
        var person = await ApiJson.CreatePersonAsync(admin, "Face Deletion");
        var result = Assert.Single(await ApiJson.UploadAsync(admin, person, ("img5.jpg", TestPhotos.DeepFace("img5.jpg"))));
        var hashes = await factory.QueryAsync(async db => await db.Faces.Where(f => f.Id == result.FaceId).Select(f => new[] { f.CropHash, f.Photo!.ContentHash }).SingleAsync());

        using var response = await admin.DeleteAsync(new Uri($"/api/v1/faces/{result.FaceId}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Photos.AnyAsync(p => p.PersonId == person)));
        Assert.All(hashes, h => Assert.DoesNotContain(h, factory.BlobFiles()));
        using var crop = await admin.GetAsync(new Uri($"/api/v1/faces/{result.FaceId}/crop", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, crop.StatusCode);
    }

    [Fact]
    public async Task People_are_listed_with_search_counts_and_paging_and_names_stay_unique()
    {
        using var admin = await factory.SignInAsync();
        foreach (var name in new[] { "Listing Ann", "Listing Bob", "Listing Cid" })
        {
            await ApiJson.CreatePersonAsync(admin, name);
        }

        var page = await admin.GetFromJsonAsync<PeoplePage>(new Uri("/api/v1/people?search=listing&sort=Name&desc=true&pageSize=2", UriKind.Relative), ApiJson.Options, TestContext.Current.CancellationToken);
        using var duplicate = await admin.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { name = "listing ann" }, TestContext.Current.CancellationToken);
        using var blank = await admin.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { name = "  " }, TestContext.Current.CancellationToken);

        Assert.Equal(3, page!.TotalCount);
        Assert.Equal(["Listing Cid", "Listing Bob"], page.Items.Select(p => p.Name));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("already a person called", await duplicate.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
    }

    [Fact]
    public async Task Names_with_invisible_or_direction_characters_are_refused_with_a_sentence()
    {
        using var admin = await factory.SignInAsync();

        using var response = await admin.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { name = "Ana\u202Egnp.exe" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invisible or text-direction characters (U+202E)", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.People.AnyAsync(p => p.Name.Contains("gnp"))));
    }

    [Fact]
    public async Task Names_differing_only_in_the_case_of_non_ascii_letters_are_the_same_person()
    {
        using var admin = await factory.SignInAsync();
        var zoe = await ApiJson.CreatePersonAsync(admin, "Zoë Ünicode");

        using var twin = await admin.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { name = "ZOË üNICODE" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, twin.StatusCode);
        Assert.Contains("There is already a person called", await twin.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(zoe, await factory.Services.GetRequiredService<PeopleService>().FindByNameAsync("zoë ünicode", TestContext.Current.CancellationToken));
    }
}
