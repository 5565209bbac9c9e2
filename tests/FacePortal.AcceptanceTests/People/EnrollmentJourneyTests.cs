using FacePortal.AcceptanceTests.Support;
using FacePortal.TestSupport;
using Microsoft.Playwright;
using static FacePortal.AcceptanceTests.Support.PageEvidence;

namespace FacePortal.AcceptanceTests.People;

/// <summary>An admin signs in, creates a person, uploads photos, captures webcam samples and deletes the person.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EnrollmentJourneyTests(BrowserFixture fixture)
{
    private const string Name = "Angelina Journey";

    [Fact]
    public async Task An_admin_enrolls_a_person_from_uploads_and_the_webcam_then_deletes_them()
    {
        // Signing in: anonymous visitors land on the login page.
        await using var anonymous = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Server.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var visitor = await anonymous.NewPageAsync();
        await visitor.GotoAsync("people");
        Assert.Contains("/account/login", visitor.Url, StringComparison.Ordinal);
        await Shot(visitor, "login.png");

        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        try
        {
            var errors = new List<string>();
            page.Console += (_, m) =>
            {
                if (m.Type == "error")
                {
                    errors.Add(m.Text);
                }
            };
            await page.WaitForSelectorAsync("#home-title");
            await Shot(page, "home.png");

            // Create the person.
            await page.GotoAsync("people");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await page.ClickAsync("#new-person");
            await page.FillAsync("#person-name-input", Name);
            await page.ClickAsync("#person-name-save");
            await Diagnose(page, fixture, () => page.WaitForURLAsync("**/people/*"), "enrollment-create-failure");
            Assert.Equal(Name, (await page.Locator("#person-name").InnerTextAsync()).Trim());

            // Upload three photos of her and one text file (once Blazor has wired the file input).
            await page.WaitForFunctionAsync("() => document.querySelector('#photo-input')?._blazorInputFileNextFileId !== undefined");
            var notAPhoto = Path.Combine(Path.GetTempPath(), $"notes-{Guid.NewGuid():N}.jpg");
            await File.WriteAllTextAsync(notAPhoto, "meeting notes, not a photo", TestContext.Current.CancellationToken);
            await page.Locator("#photo-input").SetInputFilesAsync(
                new[] { "img1.jpg", "img2.jpg", "img4.jpg" }.Select(f => Path.Combine(RepoLocations.DeepFace, f)).Append(notAPhoto));
            await Diagnose(page, fixture, () => Assertions.Expect(page.Locator("#upload-summary")).ToHaveTextAsync("3 of 4 photo(s) enrolled, 1 rejected", new() { Timeout = 30_000 }));
            File.Delete(notAPhoto);
            await Assertions.Expect(page.Locator("#face-grid .face-tile")).ToHaveCountAsync(3);
            Assert.Contains("not an image", await page.Locator("#upload-results .enrollment-rejected").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
            await Shot(page, "person-uploaded.png");

            // Capture samples from the (fake) webcam: the preview draws a box, then each sample is enrolled.
            await page.GetByRole(AriaRole.Tab, new() { Name = "Capture from webcam" }).ClickAsync();
            await page.ClickAsync("#camera-start");
            await Assertions.Expect(page.Locator("#capture-overlay")).ToHaveAttributeAsync("data-faces", "1", new() { Timeout = 15_000 });
            await page.Locator("#sample-count").FillAsync("3");
            await page.Locator("#sample-count").PressAsync("Tab");
            await page.ClickAsync("#capture-samples");
            await Assertions.Expect(page.Locator("#capture-summary")).ToContainTextAsync("of 3 sample(s) enrolled", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#capture-results .enrollment-pending")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
            var accepted = await page.Locator("#capture-results .enrollment-accepted, #capture-results .enrollment-warning").CountAsync();
            Assert.True(accepted >= 2, $"only {accepted} of 3 webcam samples were enrolled");
            await Assertions.Expect(page.Locator("#face-grid .face-tile")).ToHaveCountAsync(3 + accepted);
            await Shot(page, "person-webcam.png");
            Assert.NotEmpty(fixture.Server.BlobFiles());

            // Delete the person: confirmation, then nothing of them remains on disk.
            await page.ClickAsync("#delete-person");
            await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/people", StringComparison.Ordinal));
            await Toasts.ExpectAsync(page, $"Deleted {Name}");
            await Assertions.Expect(page.Locator("#people-table")).Not.ToContainTextAsync(Name);
            await Shot(page, "people-after-delete.png");
            Assert.Empty(fixture.Server.BlobFiles());
            Assert.Empty(errors);
        }
        finally
        {
            // A journey that stopped midway must not leave its person for the other browser tests (people counts, the axe sweep).
            await DeleteLeftoverAsync(page);
        }
    }

    private static async Task DeleteLeftoverAsync(IPage page)
    {
        var listed = await page.APIRequest.GetAsync($"api/v1/people?search={Uri.EscapeDataString(Name)}");
        if (!listed.Ok)
        {
            return;
        }

        foreach (var person in (await listed.JsonAsync())!.Value.GetProperty("items").EnumerateArray())
        {
            await PortalApi.DeleteAsync(page, person.GetProperty("id").GetGuid());
        }
    }
}
