using FacePortal.AcceptanceTests.Support;
using FacePortal.TestSupport;
using Microsoft.Playwright;
using static FacePortal.AcceptanceTests.Support.PageEvidence;

namespace FacePortal.AcceptanceTests.Recognition;

/// <summary>
/// Live recognition in Chromium with a fake webcam: a person enrolled from two photos is named over
/// a clip made from a third photo of her; someone never enrolled is Unknown; 1280x720 works too.
/// Then the photo test and 1:1 verification pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveRecognitionTests(BrowserFixture fixture)
{
    private const string Name = "Angelina Live";

    [Fact]
    public async Task The_live_page_names_an_enrolled_person_and_calls_a_stranger_unknown()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        var errors = PageEvidence.ConsoleErrors(page);
        var personId = await PortalApi.EnrollAsync(page, Name, "img2.jpg", "img4.jpg");
        try
        {
            // The camera plays img1.jpg, a photo of her that was not enrolled.
            await LiveControls.StartAsync(page);
            await Diagnose(page, fixture, () => Assertions.Expect(page.Locator("#live-overlay")).ToHaveAttributeAsync("data-labels", Name, new() { Timeout = 20_000 }), "live-known-failure");
            await Assertions.Expect(page.Locator("#live-people .live-person-name")).ToHaveTextAsync(Name, new() { Timeout = 20_000 });
            await page.WaitForFunctionAsync("() => parseFloat(document.querySelector('#live-fps').textContent) > 0", null, new() { Timeout = 20_000 });
            Assert.True(double.Parse(await page.Locator("#live-rtt").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0);
            // The threshold is derived from the false-match rate for the gallery's size (one person here), and says so.
            Assert.Matches(@"^0\.\d\d$", await page.Locator("#live-threshold").InnerTextAsync());
            await Assertions.Expect(page.Locator("#live-stats")).ToContainTextAsync("named at a 1% false-match rate for 1 person");
            await Shot(page, "live-known.png");
            await LiveControls.StopAsync(page);
            await Assertions.Expect(page.Locator("#live-people-empty")).ToBeVisibleAsync();

            // Someone else entirely (img20.jpg) is Unknown, never the closest enrolled person.
            var (strangerContext, stranger) = await fixture.SignedInPageAsync(browser: await fixture.BrowserWithWebcamAsync("img20.jpg"));
            await using (strangerContext)
            {
                await LiveControls.StartAsync(stranger);
                await Diagnose(stranger, fixture, () => Assertions.Expect(stranger.Locator("#live-overlay")).ToHaveAttributeAsync("data-labels", "Unknown (nobody close)", new() { Timeout = 20_000 }), "live-unknown-failure");
                await Assertions.Expect(stranger.Locator("#live-people .live-person-name")).ToHaveTextAsync("Unknown (nobody close)");
                await Shot(stranger, "live-unknown.png");
            }

            // A 1280x720 camera, sending full-size frames.
            var (hdContext, hd) = await fixture.SignedInPageAsync(browser: await fixture.BrowserWithWebcamAsync("img1.jpg", 1280, 720));
            await using (hdContext)
            {
                await hd.GotoAsync("live");
                await BrowserFixture.WaitForInteractiveAsync(hd);
                await hd.Locator(".mud-input-control.mud-select:has(#live-frame-size)").ClickAsync();
                await hd.GetByText("1280 px (HD, 1280×720)").ClickAsync();
                await LiveControls.StartAsync(hd, navigate: false);
                await Diagnose(hd, fixture, () => Assertions.Expect(hd.Locator("#live-overlay")).ToHaveAttributeAsync("data-labels", Name, new() { Timeout = 20_000 }), "live-hd-failure");
                await Assertions.Expect(hd.Locator("#live-stats")).ToContainTextAsync("Frames 1280×720", new() { Timeout = 20_000 });
                await Shot(hd, "live-720p.png");
            }

            Assert.Empty(errors);
        }
        finally
        {
            await PortalApi.DeleteAsync(page, personId);
        }
    }

    [Fact]
    public async Task The_photo_test_and_verify_pages_name_faces_and_compare_two_photos()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        var errors = PageEvidence.ConsoleErrors(page);
        var personId = await PortalApi.EnrollAsync(page, Name, "img2.jpg", "img4.jpg");
        try
        {
            await page.GotoAsync("test-photo");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await page.WaitForFunctionAsync("() => document.querySelector('#test-input')?._blazorInputFileNextFileId !== undefined");
            await page.Locator("#test-input").SetInputFilesAsync(Path.Combine(RepoLocations.DeepFace, "img5.jpg"));
            await Diagnose(page, fixture, () => Assertions.Expect(page.Locator("#test-summary")).ToHaveTextAsync("1 face, recognised.", new() { Timeout = 20_000 }), "test-photo-failure");
            await Assertions.Expect(page.Locator("#test-results .face-name")).ToHaveTextAsync(Name);
            await Assertions.Expect(page.Locator("#test-photo .portal-face-label")).ToContainTextAsync(Name);
            await Shot(page, "test-photo.png");

            await page.Locator("#test-input").SetInputFilesAsync(Path.Combine(RepoLocations.DeepFace, "couple.jpg"));
            await Assertions.Expect(page.Locator("#test-summary")).ToContainTextAsync("faces,", new() { Timeout = 20_000 });
            await Shot(page, "test-photo-group.png");

            await page.GotoAsync("verify");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await page.WaitForFunctionAsync("() => document.querySelector('#verify-input-b')?._blazorInputFileNextFileId !== undefined");
            await page.Locator("#verify-input-a").SetInputFilesAsync(Path.Combine(RepoLocations.DeepFace, "img1.jpg"));
            await page.Locator("#verify-input-b").SetInputFilesAsync(Path.Combine(RepoLocations.DeepFace, "img2.jpg"));
            await Diagnose(page, fixture, () => Assertions.Expect(page.Locator("#verify-verdict")).ToHaveTextAsync("Same person", new() { Timeout = 20_000 }), "verify-failure");
            await Shot(page, "verify-same.png");

            await page.Locator("#verify-input-b").SetInputFilesAsync(Path.Combine(RepoLocations.DeepFace, "img20.jpg"));
            await Assertions.Expect(page.Locator("#verify-verdict")).ToHaveTextAsync("Different people", new() { Timeout = 20_000 });
            await Shot(page, "verify-different.png");
            Assert.Empty(errors);
        }
        finally
        {
            await PortalApi.DeleteAsync(page, personId);
        }
    }
}
