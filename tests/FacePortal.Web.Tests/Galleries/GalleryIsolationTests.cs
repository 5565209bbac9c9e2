using System.Net;
using System.Net.Http.Json;
using FacePortal.Core.Applications;
using FacePortal.Core.Galleries;
using FacePortal.Core.People;
using FacePortal.Web.Applications;
using FacePortal.Web.Galleries;
using FacePortal.Web.People;
using FacePortal.Web.Recognition;
using FacePortal.Web.Tests.Integration;
using FacePortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Galleries;

/// <summary>
/// Two galleries on one app: Main with Angelina (the fixture's), and a site gallery with one person enrolled from
/// real photos. A key bound to one gallery sees, changes and recognises only that gallery's people; a person, photo or
/// face of the other is answered 404 as if it did not exist, and naming the other gallery is refused with 403.
/// </summary>
public sealed class GalleryIsolationTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_of_Main_cannot_list_read_change_or_enroll_into_the_other_gallerys_people()
    {
        var (site, siteName, person) = await SiteWithPersonAsync();
        var details = (await fixture.Factory.Services.GetRequiredService<PeopleService>().GetAsync(person, Ct))!;
        using var main = fixture.KeyClient((await KeyAsync("main", [Gallery.DefaultId])).Key);

        using var listed = await main.GetAsync(new Uri("/api/v1/people?pageSize=500", UriKind.Relative), Ct);
        var names = (await ApiBodies.OkAsync<FacePortal.Core.People.PeoplePage>(listed)).Items.Select(p => p.Name).ToList();
        Assert.Contains("Angelina Photo", names);
        Assert.DoesNotContain(siteName, names);

        using var listOther = await main.GetAsync(new Uri($"/api/v1/people?gallery={Uri.EscapeDataString(siteName)}", UriKind.Relative), Ct);
        Assert.Contains("may not use the gallery", await ApiBodies.ProblemAsync(listOther, 403), StringComparison.Ordinal);

        using var read = await main.GetAsync(new Uri($"/api/v1/people/{person}", UriKind.Relative), Ct);
        using var rename = await main.PutAsJsonAsync(new Uri($"/api/v1/people/{person}", UriKind.Relative), new { name = "Taken Over" }, Ct);
        using var form = TestPhotos.Form(("img1.jpg", TestPhotos.DeepFace("img1.jpg")));
        using var enroll = await main.PostAsync(new Uri($"/api/v1/people/{person}/photos", UriKind.Relative), form, Ct);
        using var photo = await main.GetAsync(new Uri($"/api/v1/photos/{details.Photos[0].Id}/file", UriKind.Relative), Ct);
        using var crop = await main.GetAsync(new Uri($"/api/v1/faces/{details.Faces[0].Id}/crop", UriKind.Relative), Ct);
        using var deleteFace = await main.DeleteAsync(new Uri($"/api/v1/faces/{details.Faces[0].Id}", UriKind.Relative), Ct);
        using var deletePhoto = await main.DeleteAsync(new Uri($"/api/v1/photos/{details.Photos[0].Id}", UriKind.Relative), Ct);
        using var negatives = await main.GetAsync(new Uri($"/api/v1/people/{person}/negatives", UriKind.Relative), Ct);
        using var delete = await main.DeleteAsync(new Uri($"/api/v1/people/{person}", UriKind.Relative), Ct);

        foreach (var refused in new[] { read, rename, enroll, photo, crop, deleteFace, deletePhoto, negatives, delete })
        {
            await ApiBodies.ProblemAsync(refused, 404);
        }

        // Nothing changed: the person, their name, photos and faces are as they were.
        var after = (await fixture.Factory.Services.GetRequiredService<PeopleService>().GetAsync(person, Ct))!;
        Assert.Equal((details.Name, details.Photos.Count, details.Faces.Count, site), (after.Name, after.Photos.Count, after.Faces.Count, after.GalleryId));

        // The site's own key reads them, and creates people in its gallery.
        using var own = fixture.KeyClient((await KeyAsync("site", [site])).Key);
        using var ownRead = await own.GetAsync(new Uri($"/api/v1/people/{person}", UriKind.Relative), Ct);
        Assert.Equal(person, (await ApiBodies.OkAsync<PersonDetails>(ownRead)).Id);
        using var created = await own.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { name = "Angelina Photo" }, Ct);
        var createdId = (await ApiBodies.OkAsync<CreatedPerson>(created)).Id;
        Assert.Equal(site, await fixture.Factory.Services.GetRequiredService<PeopleService>().FindGalleryAsync(createdId, Ct));
    }

    [Fact]
    public async Task Recognizing_with_a_key_of_Main_never_names_the_other_gallerys_person()
    {
        var (site, siteName, person) = await SiteWithPersonAsync();
        using var main = fixture.KeyClient((await KeyAsync("main", [Gallery.DefaultId])).Key);
        using var own = fixture.KeyClient((await KeyAsync("site", [site])).Key);

        var byMain = await RecognizeCall.RecognizeAsync(main, "img11.jpg");
        var bySite = await RecognizeCall.RecognizeAsync(own, "img11.jpg");
        var angelinaBySite = await RecognizeCall.RecognizeAsync(own, "img4.jpg");
        var angelinaByMain = await RecognizeCall.RecognizeAsync(main, "img4.jpg");

        var face = Assert.Single(byMain.Faces);
        Assert.NotEqual(person, face.Verdict.PersonId);
        Assert.DoesNotContain(face.Candidates, c => c.PersonId == person);
        Assert.Equal(person, Assert.Single(bySite.Faces).Verdict.PersonId);
        var angelinaInSite = Assert.Single(angelinaBySite.Faces);
        Assert.NotEqual(fixture.Angelina, angelinaInSite.Verdict.PersonId);
        Assert.All(angelinaInSite.Candidates, c => Assert.Equal(person, c.PersonId));
        Assert.Equal(fixture.Angelina, Assert.Single(angelinaByMain.Faces).Verdict.PersonId);

        // Each gallery is decided at its own size.
        Assert.Equal(1, bySite.OperatingPoint.People);

        // Verifying against the other gallery's person is as for a person that does not exist.
        using var verifyForm = new MultipartFormDataContent { { new ByteArrayContent(TestPhotos.DeepFace("img11.jpg")), "image", "img11.jpg" } };
        using var verify = await main.PostAsync(new Uri($"/api/v1/verify?personId={person}", UriKind.Relative), verifyForm, Ct);
        await ApiBodies.ProblemAsync(verify, 404);

        // Naming the other gallery is refused outright.
        using var other = new MultipartFormDataContent { { new ByteArrayContent(TestPhotos.DeepFace("img11.jpg")), "image", "img11.jpg" } };
        using var refused = await main.PostAsync(new Uri($"/api/v1/recognize?gallery={site}", UriKind.Relative), other, Ct);
        Assert.Equal($"This application key may not use the gallery '{site}'.", await ApiBodies.ProblemAsync(refused, 403));
        _ = siteName;
    }

    [Fact]
    public async Task A_key_bound_to_several_galleries_names_one_per_request()
    {
        var (site, siteName, person) = await SiteWithPersonAsync();
        using var both = fixture.KeyClient((await KeyAsync("admin tool", [site, Gallery.DefaultId])).Key);

        using var unnamed = await both.GetAsync(new Uri("/api/v1/people", UriKind.Relative), Ct);
        using var unknown = await both.GetAsync(new Uri("/api/v1/people?gallery=Nowhere", UriKind.Relative), Ct);
        using var bySiteName = await both.GetAsync(new Uri($"/api/v1/people?gallery={Uri.EscapeDataString(siteName.ToUpperInvariant())}", UriKind.Relative), Ct);
        using var byPersonId = await both.GetAsync(new Uri($"/api/v1/people/{person}", UriKind.Relative), Ct);
        using var wrongGallery = await both.GetAsync(new Uri($"/api/v1/people/{person}?gallery=Main", UriKind.Relative), Ct);

        Assert.Contains("name one with the 'gallery' parameter", await ApiBodies.ProblemAsync(unnamed, 400), StringComparison.Ordinal);
        Assert.Equal("There is no gallery 'Nowhere'.", await ApiBodies.ProblemAsync(unknown, 404));
        Assert.Equal([person], (await ApiBodies.OkAsync<FacePortal.Core.People.PeoplePage>(bySiteName)).Items.Select(p => p.Id));
        Assert.Equal(person, (await ApiBodies.OkAsync<PersonDetails>(byPersonId)).Id);
        await ApiBodies.ProblemAsync(wrongGallery, 404);
    }

    [Fact]
    public async Task An_admin_manages_galleries_over_the_api_binds_keys_to_them_and_keys_cannot_manage_galleries()
    {
        using var admin = await fixture.Factory.SignInAsync();
        var name = $"Branch {Guid.NewGuid():N}"[..20];

        using var created = await admin.PostAsJsonAsync(new Uri("/api/v1/galleries", UriKind.Relative), new { name }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var gallery = await ApiBodies.OkAsync<GalleryResponse>(created);
        using var duplicate = await admin.PostAsJsonAsync(new Uri("/api/v1/galleries", UriKind.Relative), new { name = name.ToLowerInvariant() }, Ct);
        await ApiBodies.ProblemAsync(duplicate, 400);

        using var keyCreated = await admin.PostAsJsonAsync(
            new Uri("/api/v1/applications", UriKind.Relative), new { name = $"Branch door {Guid.NewGuid():N}", scopes = new[] { "people:read" }, galleries = new[] { name } }, Ct);
        var issued = await ApiBodies.OkAsync<IssuedKeyResponse>(keyCreated);
        using var defaultKey = await admin.PostAsJsonAsync(
            new Uri("/api/v1/applications", UriKind.Relative), new { name = $"Main door {Guid.NewGuid():N}", scopes = new[] { "people:read" } }, Ct);
        var mainIssued = await ApiBodies.OkAsync<IssuedKeyResponse>(defaultKey);
        using var badKey = await admin.PostAsJsonAsync(
            new Uri("/api/v1/applications", UriKind.Relative), new { name = $"Nowhere door {Guid.NewGuid():N}", scopes = new[] { "people:read" }, galleries = new[] { "Nowhere" } }, Ct);
        Assert.Equal("There is no gallery 'Nowhere'.", await ApiBodies.ProblemAsync(badKey, 400));
        var keys = fixture.Factory.Services.GetRequiredService<ApplicationKeys>();
        Assert.Equal([gallery.Id], (await keys.GetAsync(issued.Id, Ct))!.Galleries);
        Assert.Equal([Gallery.DefaultId], (await keys.GetAsync(mainIssued.Id, Ct))!.Galleries);

        using var key = fixture.KeyClient(issued.Key);
        using var keyList = await key.GetAsync(new Uri("/api/v1/galleries", UriKind.Relative), Ct);
        await ApiBodies.ProblemAsync(keyList, 403);
        using var keyPeople = await key.GetAsync(new Uri("/api/v1/people", UriKind.Relative), Ct);
        Assert.Empty((await ApiBodies.OkAsync<FacePortal.Core.People.PeoplePage>(keyPeople)).Items);

        using var renamed = await admin.PutAsJsonAsync(new Uri($"/api/v1/galleries/{gallery.Id}", UriKind.Relative), new { name = name + " x" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, renamed.StatusCode);
        using var listed = await admin.GetAsync(new Uri("/api/v1/galleries", UriKind.Relative), Ct);
        var all = await ApiBodies.OkAsync<List<GalleryResponse>>(listed);
        Assert.Equal(("Main", true), (all[0].Name, all[0].IsDefault));
        Assert.Contains(all, g => g.Id == gallery.Id && g.Name == name + " x");

        using var mainDelete = await admin.DeleteAsync(new Uri($"/api/v1/galleries/{Gallery.DefaultId}", UriKind.Relative), Ct);
        Assert.Equal("Main is the default gallery and cannot be deleted.", await ApiBodies.ProblemAsync(mainDelete, 400));
        using var deleted = await admin.DeleteAsync(new Uri($"/api/v1/galleries/{gallery.Id}", UriKind.Relative), Ct);
        Assert.Equal(1, (await ApiBodies.OkAsync<GalleryDeletionReport>(deleted)).KeysLeftWithoutGallery);

        // The key's only gallery is gone: it is refused rather than falling back to another gallery.
        using var orphan = await key.GetAsync(new Uri("/api/v1/people", UriKind.Relative), Ct);
        Assert.Equal("This application key has no gallery; an administrator can grant one.", await ApiBodies.ProblemAsync(orphan, 403));
    }

    [Fact]
    public async Task A_training_job_takes_the_people_of_one_gallery_only()
    {
        var (_, name, person) = await SiteWithPersonAsync();
        var main = (await fixture.Factory.Services.GetRequiredService<PeopleService>().ListAsync(new PeopleQuery(PageSize: 1, GalleryId: Gallery.DefaultId), Ct)).Items.Single();
        using var admin = await fixture.Factory.SignInAsync();

        using var mixed = await admin.PostAsJsonAsync(new Uri("/api/v1/training", UriKind.Relative), new { personIds = new[] { main.Id, person } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        var problem = await mixed.Content.ReadAsStringAsync(Ct);
        Assert.Contains("2 galleries", problem, StringComparison.Ordinal);
        Assert.Contains(name, problem, StringComparison.Ordinal);

        using var gone = await admin.PostAsJsonAsync(new Uri("/api/v1/training", UriKind.Relative), new { personIds = new[] { person, Guid.NewGuid() } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, gone.StatusCode);
        Assert.Contains("no longer exists", await gone.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>A new gallery with one person enrolled from two real photos (deepface img5 and img6, the same woman).</summary>
    private async Task<(Guid Gallery, string Name, Guid Person)> SiteWithPersonAsync()
    {
        var services = fixture.Factory.Services;
        var name = $"Site {Guid.NewGuid():N}"[..16];
        var site = (await services.GetRequiredService<GalleryService>().CreateAsync(name, "test", Ct)).Value;
        var person = await services.GetRequiredService<PeopleService>().CreateAsync(site, $"Site person {name}", "test", Ct);
        Assert.True(person.Succeeded, person.Error);
        foreach (var photo in new[] { "img5.jpg", "img6.jpg" })
        {
            var enrolled = await services.GetRequiredService<EnrollmentService>().EnrollPhotoAsync(person.Value, TestPhotos.DeepFace(photo), photo, PhotoSource.Upload, "test", Ct);
            Assert.True(enrolled.IsAccepted, enrolled.Message);
        }

        return (site, name, person.Value);
    }

    private async Task<IssuedApplicationKey> KeyAsync(string name, IReadOnlyCollection<Guid> galleries)
    {
        var scopes = ScopeNames.Parse(ScopeNames.All.Select(s => s.Name)).Value;
        var created = await fixture.Factory.Services.GetRequiredService<ApplicationKeys>().CreateAsync($"{name} {Guid.NewGuid():N}", scopes, null, FacePortalFactory.AdminName, galleries, Ct);
        Assert.True(created.Succeeded, created.Error);
        return created.Value;
    }
}
