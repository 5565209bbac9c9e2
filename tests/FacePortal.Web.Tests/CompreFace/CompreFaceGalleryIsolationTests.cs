using System.Net.Http.Json;
using FacePortal.Core.Applications;
using FacePortal.Core.Galleries;
using FacePortal.Web.CompreFace;
using FacePortal.Web.Tests.Integration;
using FacePortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static FacePortal.Web.Tests.CompreFace.CompreFaceCalls;

namespace FacePortal.Web.Tests.CompreFace;

/// <summary>
/// A CompreFace "face collection" is the key's gallery: a key of Main neither sees nor changes nor recognises a
/// subject that a key of another gallery made there, on any compatible endpoint; the other key sees its own.
/// </summary>
public sealed class CompreFaceGalleryIsolationTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    [Fact]
    public async Task A_key_of_Main_cannot_see_change_or_recognise_the_subjects_of_another_gallery()
    {
        var site = (await fixture.Factory.Services.GetRequiredService<GalleryService>().CreateAsync($"CF site {Guid.NewGuid():N}"[..20], "test", Ct)).Value;
        using var own = ClientWithKey(fixture, await KeyAsync("site", site));
        using var main = ClientWithKey(fixture, await KeyAsync("main", Gallery.DefaultId));
        const string subject = "Site Woman";
        var imageId = await AddExampleAsync(own, subject, "img5.jpg");
        await AddExampleAsync(own, subject, "img6.jpg");

        Assert.Contains(subject, await SubjectsAsync(own));
        Assert.DoesNotContain(subject, await SubjectsAsync(main));

        using var listed = await main.GetAsync(Url("/api/v1/recognition/faces?size=100"), Ct);
        Assert.DoesNotContain(imageId, (await JsonAsync(listed)).GetProperty("faces").EnumerateArray().Select(f => f.GetProperty("image_id").GetString()));
        using var bySubject = await main.GetAsync(Url($"/api/v1/recognition/faces?subject={Uri.EscapeDataString(subject)}"), Ct);
        using var image = await main.GetAsync(Url($"/api/v1/recognition/faces/{imageId}/img"), Ct);
        using var verify = await main.PostAsync(Url($"/api/v1/recognition/faces/{imageId}/verify"), File("img7.jpg"), Ct);
        using var rename = await main.PutAsJsonAsync(Url($"/api/v1/recognition/subjects/{Uri.EscapeDataString(subject)}"), new { subject = "Taken Over" }, Ct);
        using var deleteSubject = await main.DeleteAsync(Url($"/api/v1/recognition/subjects/{Uri.EscapeDataString(subject)}"), Ct);
        using var deleteFace = await main.DeleteAsync(Url($"/api/v1/recognition/faces/{imageId}"), Ct);

        await ErrorAsync(image, 404, CompreFaceErrors.ImageNotFound);
        await ErrorAsync(verify, 404, CompreFaceErrors.ImageNotFound);
        await ErrorAsync(deleteFace, 404, CompreFaceErrors.ImageNotFound);
        await ErrorAsync(rename, 404, CompreFaceErrors.SubjectNotFound);
        await ErrorAsync(deleteSubject, 404, CompreFaceErrors.SubjectNotFound);
        Assert.True((int)bySubject.StatusCode is 404 or 200, await bySubject.Content.ReadAsStringAsync(Ct));
        if ((int)bySubject.StatusCode == 200)
        {
            Assert.Equal(0, (await JsonAsync(bySubject)).GetProperty("faces").GetArrayLength());
        }

        // A third photo of her: the site's key names her; Main's key never does.
        using var byMain = await main.PostAsync(Url("/api/v1/recognition/recognize?prediction_count=5"), File("img7.jpg"), Ct);
        using var bySite = await own.PostAsync(Url("/api/v1/recognition/recognize"), File("img7.jpg"), Ct);
        var mainSubjects = (await JsonAsync(byMain)).GetProperty("result").EnumerateArray().SelectMany(f => f.GetProperty("subjects").EnumerateArray()).Select(s => s.GetProperty("subject").GetString());
        Assert.DoesNotContain(subject, mainSubjects);
        var siteFace = Assert.Single((await JsonAsync(bySite)).GetProperty("result").EnumerateArray().ToList());
        Assert.Equal(subject, siteFace.GetProperty("subjects")[0].GetProperty("subject").GetString());
        Assert.True(siteFace.GetProperty("subjects")[0].GetProperty("similarity").GetSingle() >= 0.5f);

        // Nothing of hers changed: both examples are still there, under her name.
        using var still = await own.GetAsync(Url($"/api/v1/recognition/faces?subject={Uri.EscapeDataString(subject)}"), Ct);
        Assert.Equal(2, (await JsonAsync(still)).GetProperty("faces").GetArrayLength());
    }

    private async Task<string> KeyAsync(string name, Guid gallery)
    {
        var scopes = ScopeNames.Parse(ScopeNames.All.Select(s => s.Name)).Value;
        var created = await fixture.Factory.Services.GetRequiredService<ApplicationKeys>().CreateAsync($"{name} {Guid.NewGuid():N}", scopes, null, FacePortalFactory.AdminName, [gallery], Ct);
        Assert.True(created.Succeeded, created.Error);
        return created.Value.Key;
    }
}
