using FacePortal.AcceptanceTests.Support;
using FacePortal.TestSupport;
using Microsoft.Playwright;
using static FacePortal.AcceptanceTests.Support.PageEvidence;

namespace FacePortal.AcceptanceTests.Galleries;

/// <summary>
/// An admin makes a second gallery on the Galleries page, enrolls a person there, and picks it on Live: the fake
/// camera's person (a photo of her that was not enrolled) is Unknown in Main and named only in the second gallery,
/// and Live remembers the choice.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GalleryLiveJourneyTests(BrowserFixture fixture)
{
    private const string GalleryName = "Second site";
    private const string Name = "Angelina Second Site";

    [Fact]
    public async Task A_person_of_a_second_gallery_is_named_on_Live_only_when_that_gallery_is_picked()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        var errors = ConsoleErrors(page);
        Guid? galleryId = null;
        try
        {
            await page.GotoAsync("galleries");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await page.ClickAsync("#new-gallery");
            await page.Locator("#person-name-input").FillAsync(GalleryName);
            await page.ClickAsync("#person-name-save");
            await Assertions.Expect(page.Locator("#galleries-table")).ToContainTextAsync(GalleryName, new() { Timeout = 10_000 });
            await Shot(page, "galleries.png");

            var listed = await page.APIRequest.GetAsync("api/v1/galleries");
            Assert.True(listed.Ok, await listed.TextAsync());
            galleryId = (await listed.JsonAsync())!.Value.EnumerateArray().Single(g => g.GetProperty("name").GetString() == GalleryName).GetProperty("id").GetGuid();

            // Enrolled from two other photos of the woman the camera shows (it plays img1.jpg).
            var (header, token) = PortalSignIn.RequestTokenIn(await page.ContentAsync());
            var created = await page.APIRequest.PostAsync($"api/v1/people?gallery={galleryId}", new() { DataObject = new { name = Name }, Headers = new Dictionary<string, string> { [header] = token } });
            Assert.True(created.Ok, await created.TextAsync());
            var personId = (await created.JsonAsync())!.Value.GetProperty("id").GetGuid();
            Assert.All(await PortalApi.UploadAsync(page, personId, Path.Combine(RepoLocations.DeepFace, "img2.jpg"), Path.Combine(RepoLocations.DeepFace, "img4.jpg")), f => Assert.NotNull(f));

            // Main does not know her.
            await page.GotoAsync("live");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator(".mud-input-control.mud-select:has(#live-gallery)")).ToContainTextAsync("Main");
            await page.ClickAsync("#live-start");
            await Diagnose(page, fixture, () => Assertions.Expect(page.Locator("#live-overlay")).ToHaveAttributeAsync("data-labels", "Unknown (nobody close)", new() { Timeout = 20_000 }), "gallery-live-main-failure");
            await page.ClickAsync("#live-stop");

            // Her gallery names her.
            await page.Locator(".mud-input-control.mud-select:has(#live-gallery)").ClickAsync();
            await page.GetByText(GalleryName).ClickAsync();
            await page.ClickAsync("#live-start");
            await Diagnose(page, fixture, () => Assertions.Expect(page.Locator("#live-overlay")).ToHaveAttributeAsync("data-labels", Name, new() { Timeout = 20_000 }), "gallery-live-site-failure");
            await Assertions.Expect(page.Locator("#live-stats")).ToContainTextAsync("for 1 person");
            await Shot(page, "gallery-live.png");
            await page.ClickAsync("#live-stop");

            // The choice is remembered for this account in this browser.
            await page.ReloadAsync();
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator(".mud-input-control.mud-select:has(#live-gallery)")).ToContainTextAsync(GalleryName, new() { Timeout = 10_000 });
            Assert.Empty(errors);
        }
        finally
        {
            if (galleryId is { } id)
            {
                // Deleting the gallery erases her too; the other browser tests see one gallery again.
                var (header, token) = PortalSignIn.RequestTokenIn(await page.ContentAsync());
                var deleted = await page.APIRequest.DeleteAsync($"api/v1/galleries/{id}", new() { Headers = new Dictionary<string, string> { [header] = token } });
                Assert.True(deleted.Ok, await deleted.TextAsync());
            }
        }
    }
}
