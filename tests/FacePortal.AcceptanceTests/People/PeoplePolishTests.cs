using FacePortal.AcceptanceTests.Support;
using FacePortal.TestSupport;
using Microsoft.Playwright;
using SkiaSharp;
using static FacePortal.AcceptanceTests.Support.PageEvidence;

namespace FacePortal.AcceptanceTests.People;

/// <summary>
/// The People pages finished as an admin dashboard should be (issue 22): name refusals that read well and lead
/// somewhere, a search that can be cleared, compact cards and tabs on a phone, and upload and lab judging low
/// quality by the same rules.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PeoplePolishTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Name_refusals_search_and_the_phone_layout_of_people_and_a_person()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        var errors = ConsoleErrors(page);
        var existing = await PortalApi.EnrollAsync(page, "Polish Barack", "img1.jpg", "img2.jpg");
        try
        {
            await page.SetViewportSizeAsync(1440, 900);
            await page.GotoAsync("people");
            await BrowserFixture.WaitForInteractiveAsync(page);

            // A taken name: the refusal stands apart from the counter and links to the person who has it.
            await page.ClickAsync("#new-person");
            await page.FillAsync("#person-name-input", "Polish Barack");
            await page.ClickAsync("#person-name-save");
            await Assertions.Expect(page.Locator("#person-name-error")).ToHaveTextAsync("There is already a person called Polish Barack.");
            var error = (await page.Locator("#person-name-error").BoundingBoxAsync())!;
            var counter = (await page.Locator("#person-name-counter").BoundingBoxAsync())!;
            Assert.True(error.X + error.Width <= counter.X, $"the refusal ({error.X}+{error.Width}) runs into the counter at {counter.X}");
            await Assertions.Expect(page.Locator("#person-name-counter")).ToHaveTextAsync("13 / 100");
            await Shot(page, "people-duplicate-name.png");

            // Spaces only: refused as typed, and counted as nothing.
            await page.FillAsync("#person-name-input", "    ");
            await Assertions.Expect(page.Locator("#person-name-error")).ToHaveTextAsync("A name needs letters, not only spaces.");
            await Assertions.Expect(page.Locator("#person-name-counter")).ToHaveTextAsync("0 / 100");
            await Shot(page, "people-spaces-name.png");

            await page.FillAsync("#person-name-input", "Polish Barack");
            await page.ClickAsync("#person-name-save");
            await page.ClickAsync("#person-name-existing");
            await page.WaitForURLAsync($"**/people/{existing}");
            await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);

            // A search that finds nobody offers to clear it.
            await page.GotoAsync("people");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await page.FillAsync("#people-search", "zz-nobody-zz");
            await Assertions.Expect(page.Locator("#people-empty")).ToContainTextAsync("Nobody matches \"zz-nobody-zz\"");
            await Assertions.Expect(page.Locator("#people-empty")).Not.ToContainTextAsync("Create a person");
            await Shot(page, "people-no-match.png");
            await page.ClickAsync("#people-clear-search");
            await Assertions.Expect(page.Locator("#people-table")).ToContainTextAsync("Polish Barack");
            await Shot(page, "people-1440.png");

            // A phone: compact cards, and the person page's tabs fit its width.
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync("people");
            await BrowserFixture.WaitForInteractiveAsync(page);
            var row = page.Locator("#people-table .people-row").Filter(new() { HasText = "Polish Barack" });
            var card = (await row.BoundingBoxAsync())!;
            Assert.True(card.Height < 120, $"a person card is {card.Height} px tall on a phone");
            Assert.True(card.Width <= 390, $"a person card is {card.Width} px wide on a phone");
            await Shot(page, "people-390.png");

            await page.GotoAsync($"people/{existing}");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Shot(page, "person-390.png");
            var tabs = page.Locator("#add-tabs .mud-tabs-tabbar");
            var overflow = await tabs.EvaluateAsync<int>("bar => { const inner = bar.querySelector('.mud-tabs-tabbar-inner') ?? bar; return inner.scrollWidth - inner.clientWidth; }");
            Assert.True(overflow <= 0, $"the person page's tabs overflow by {overflow} px on a phone");
            foreach (var scroll in await page.Locator("#add-tabs .mud-tabs-scroll-button").AllAsync())
            {
                await Assertions.Expect(scroll).ToBeHiddenAsync();
            }
            foreach (var tab in await page.GetByRole(AriaRole.Tab).AllAsync())
            {
                var box = (await tab.BoundingBoxAsync())!;
                Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"a tab spans {box.X}..{box.X + box.Width} on a 390 px screen");
            }

            await Shot(page, "person-390.png");
            await page.SetViewportSizeAsync(1440, 900);
            await page.ReloadAsync();
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Shot(page, "person-1440.png");
            Assert.Empty(errors);
        }
        finally
        {
            await PortalApi.DeleteAsync(page, existing);
        }
    }

    /// <summary>
    /// A blurred face is judged at upload by the one <c>FacePortal:Quality</c> rule set the lab lists low quality by:
    /// upload refuses it with the lab's words for the problem (a warning, with the signal and its minimum), a sharp face
    /// is "Enrolled." and the lab does not call it low quality.
    /// </summary>
    [Fact]
    public async Task Upload_and_lab_judge_low_quality_by_the_same_rules()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        var errors = ConsoleErrors(page);
        var person = await PortalApi.CreatePersonAsync(page, "Quality Angelina");
        var blurred = Path.Combine(Path.GetTempPath(), $"blurred-{Guid.NewGuid():N}.jpg");
        try
        {
            await File.WriteAllBytesAsync(blurred, await TooBlurredAsync(page), TestContext.Current.CancellationToken);
            await page.SetViewportSizeAsync(1440, 900);
            await page.GotoAsync($"people/{person}");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await page.WaitForFunctionAsync("() => document.querySelector('#photo-input')?._blazorInputFileNextFileId !== undefined");
            await page.Locator("#photo-input").SetInputFilesAsync([Path.Combine(RepoLocations.DeepFace, "img2.jpg"), blurred]);
            await Diagnose(page, fixture, () => Assertions.Expect(page.Locator("#upload-summary")).ToHaveTextAsync("1 of 2 photo(s) enrolled, 1 rejected", new() { Timeout = 30_000 }));

            var accepted = page.Locator("#upload-results .enrollment-accepted");
            await Assertions.Expect(accepted).ToContainTextAsync("Enrolled.");
            var refused = page.Locator("#upload-results .enrollment-low-quality");
            await Assertions.Expect(refused).ToContainTextAsync("Not enrolled, low quality: blurred: sharpness");
            await Assertions.Expect(refused.Locator(".mud-icon-root").First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-warning-text"));
            await Shot(page, "upload-low-quality.png");

            await page.GotoAsync("lab");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator("#lab-summary")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(page.Locator(".lab-low-quality-face").Filter(new() { HasText = "Quality Angelina" })).ToHaveCountAsync(0);
            Assert.Empty(errors);
        }
        finally
        {
            File.Delete(blurred);
            await PortalApi.DeleteAsync(page, person);
        }
    }

    /// <summary>
    /// img1.jpg blurred just enough that its face is still found but the quality rules call it blurred: the least of a
    /// few blurs the portal refuses as TooBlurred (asked through the API on a throwaway person; fixed models, so always the same one).
    /// </summary>
    private static async Task<byte[]> TooBlurredAsync(IPage page)
    {
        var probe = await PortalApi.CreatePersonAsync(page, "Quality Probe");
        try
        {
            foreach (var sigma in new[] { 6f, 8f, 10f, 12f, 15f })
            {
                var photo = Blurred(Path.Combine(RepoLocations.DeepFace, "img1.jpg"), sigma);
                if (await PortalApi.RejectionReasonAsync(page, probe, $"probe-{sigma}.jpg", photo) == "TooBlurred")
                {
                    return photo;
                }
            }
        }
        finally
        {
            await PortalApi.DeleteAsync(page, probe);
        }

        throw new InvalidOperationException("No blur of img1.jpg was refused as too blurred.");
    }

    /// <summary>The photo at 640 px wide, blurred by <paramref name="sigma"/>.</summary>
    private static byte[] Blurred(string path, float sigma)
    {
        using var original = SKBitmap.Decode(path);
        var height = original.Height * 640 / original.Width;
        using var surface = SKSurface.Create(new SKImageInfo(640, height));
        using var paint = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(sigma, sigma) };
        using var image = SKImage.FromBitmap(original);
        surface.Canvas.DrawImage(image, new SKRect(0, 0, 640, height), new SKSamplingOptions(SKFilterMode.Linear), paint);
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
