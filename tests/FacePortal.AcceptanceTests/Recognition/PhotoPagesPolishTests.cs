using FacePortal.AcceptanceTests.Support;
using FacePortal.TestSupport;
using Microsoft.Playwright;
using SkiaSharp;
using static FacePortal.AcceptanceTests.Support.PageEvidence;

namespace FacePortal.AcceptanceTests.Recognition;

/// <summary>
/// Test a photo and Verify as issue 22 asks: a small photo is shown at a readable size with its labels inside it, the
/// candidate scores are explained, Verify shows each photo as soon as it is chosen, and "no face" says what to try.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhotoPagesPolishTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Small_photos_readable_labels_inside_scores_explained_previews_at_once_and_advice_for_no_face()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        var errors = ConsoleErrors(page);
        var person = await PortalApi.EnrollAsync(page, "Small Angelina", "img1.jpg", "img2.jpg");
        var small = Path.Combine(Path.GetTempPath(), $"small-{Guid.NewGuid():N}.jpg");
        var wall = Path.Combine(Path.GetTempPath(), $"wall-{Guid.NewGuid():N}.jpg");
        try
        {
            await File.WriteAllBytesAsync(small, Resized(Path.Combine(RepoLocations.DeepFace, "img4.jpg"), 200), TestContext.Current.CancellationToken);
            await File.WriteAllBytesAsync(wall, Plain(), TestContext.Current.CancellationToken);
            foreach (var (width, height) in new[] { (1440, 900), (390, 844) })
            {
                await page.SetViewportSizeAsync(width, height);
                await page.GotoAsync("test-photo");
                await BrowserFixture.WaitForInteractiveAsync(page);
                await page.WaitForFunctionAsync("() => document.querySelector('#test-input')?._blazorInputFileNextFileId !== undefined");
                await page.Locator("#test-input").SetInputFilesAsync(small);
                var photo = page.Locator("#test-photo");
                await Diagnose(page, fixture, () => Assertions.Expect(photo).ToBeVisibleAsync(new() { Timeout = 30_000 }));
                var frame = (await photo.BoundingBoxAsync())!;
                Assert.True(frame.Width >= Math.Min(360, width - 64), $"a 200 px photo is shown {frame.Width} px wide at {width} px");
                foreach (var label in await photo.Locator(".portal-face-label").AllAsync())
                {
                    var box = (await label.BoundingBoxAsync())!;
                    Assert.True(box.X >= frame.X - 1 && box.Y >= frame.Y - 1 && box.X + box.Width <= frame.X + frame.Width + 1 && box.Y + box.Height <= frame.Y + frame.Height + 1,
                        $"label at {box.X},{box.Y} {box.Width}x{box.Height} is outside the photo at {frame.X},{frame.Y} {frame.Width}x{frame.Height}");
                }

                await Assertions.Expect(page.Locator(".test-scores-help").First).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("average of all their enrolled faces"));
                await page.Locator(".test-scores-help").First.HoverAsync();
                await Assertions.Expect(page.Locator(".mud-tooltip").Filter(new() { HasText = "closest enrolled face" })).ToBeVisibleAsync();
                await Shot(page, $"test-photo-small-{width}.png");

                await page.GotoAsync("verify");
                await BrowserFixture.WaitForInteractiveAsync(page);
                await page.WaitForFunctionAsync("() => document.querySelector('#verify-input-a')?._blazorInputFileNextFileId !== undefined");
                await page.Locator("#verify-input-a").SetInputFilesAsync(Path.Combine(RepoLocations.DeepFace, "img1.jpg"));
                await Assertions.Expect(page.Locator("#verify-photo-a img")).ToBeVisibleAsync(new() { Timeout = 30_000 });
                Assert.True((await page.Locator("#verify-photo-a img").BoundingBoxAsync())!.Width > 100, "the first photo's preview is not shown at a usable size");
                await Assertions.Expect(page.Locator("#verify-result")).ToHaveCountAsync(0);
                await page.Locator("#verify-input-b").SetInputFilesAsync(wall);
                await Assertions.Expect(page.Locator("#verify-problem-b")).ToContainTextAsync("No face was found in the second photo.", new() { Timeout = 30_000 });
                await Assertions.Expect(page.Locator("#verify-problem-b")).ToContainTextAsync("at least 20 pixels wide to be found");
                await Shot(page, $"verify-{width}.png");
            }

            Assert.Empty(errors);
        }
        finally
        {
            File.Delete(small);
            File.Delete(wall);
            await PortalApi.DeleteAsync(page, person);
        }
    }

    private static byte[] Resized(string path, int width)
    {
        using var original = SKBitmap.Decode(path);
        using var resized = original.Resize(new SKImageInfo(width, original.Height * width / original.Width), new SKSamplingOptions(SKFilterMode.Linear));
        using var data = resized.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    private static byte[] Plain()
    {
        using var bitmap = new SKBitmap(640, 480);
        bitmap.Erase(new SKColor(120, 130, 140));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
