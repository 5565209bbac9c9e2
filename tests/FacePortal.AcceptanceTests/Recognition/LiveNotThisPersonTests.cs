using Deque.AxeCore.Playwright;
using FacePortal.AcceptanceTests.Support;
using Microsoft.Playwright;
using static FacePortal.AcceptanceTests.Support.PageEvidence;

namespace FacePortal.AcceptanceTests.Recognition;

/// <summary>
/// Issue 19 on Live: the fake camera plays img1.jpg, a photo of an enrolled person she was not enrolled from.
/// An admin sees her named, presses "Not ..." beside her in the people-in-view list, confirms, and the face of
/// that very frame is stored as a negative example: the next frames no longer name her, with the verdict saying why.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveNotThisPersonTests(BrowserFixture fixture)
{
    private const string Name = "Angelina Not Live";

    [Fact]
    public async Task An_admin_marks_the_named_face_as_not_her_and_the_next_frames_no_longer_name_her()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        var errors = ConsoleErrors(page);
        var personId = await PortalApi.EnrollAsync(page, Name, "img2.jpg", "img4.jpg");
        try
        {
            await page.SetViewportSizeAsync(1440, 900);
            await LiveControls.StartAsync(page);
            await Diagnose(page, fixture, () => Assertions.Expect(page.Locator("#live-overlay")).ToHaveAttributeAsync("data-labels", Name, new() { Timeout = 30_000 }), "live-not-this-person-failure");
            var button = page.Locator("#live-people .live-not-this-person");
            await Assertions.Expect(button).ToHaveTextAsync($"Not {Name}", new() { Timeout = 10_000 });
            await Shot(page, "live-not-this-person-button.png");
            await AssertAccessibleAsync(page);

            await button.ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(dialog).ToContainTextAsync($"Not {Name}?");
            await dialog.GetByRole(AriaRole.Button, new() { Name = $"Not {Name}", Exact = true }).ClickAsync();
            await Toasts.ExpectAsync(page, $"Marked as not {Name}", 30_000);

            // The same face in the next frames: no longer her, and the verdict says it was marked.
            await Assertions.Expect(page.Locator("#live-overlay")).ToHaveAttributeAsync("data-verdicts", "marked-not-this-person", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#live-overlay")).Not.ToHaveAttributeAsync("data-labels", Name);
            await Assertions.Expect(page.Locator("#live-people .live-not-this-person")).ToHaveCountAsync(0, new() { Timeout = 5_000 });
            await Shot(page, "live-not-this-person-marked.png");

            var negatives = await page.APIRequest.GetAsync($"api/v1/people/{personId}/negatives");
            Assert.True(negatives.Ok, await negatives.TextAsync());
            var list = (await negatives.JsonAsync())!.Value;
            Assert.Equal(1, list.GetArrayLength());

            await LiveControls.StopAsync(page);
            Assert.Empty(errors);
        }
        finally
        {
            await PortalApi.DeleteAsync(page, personId);
        }
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();

        // The one known exception of the Live page (LiveTracksTests): MudSelect's activator inside another interactive element.
        static bool MudSelectActivator(Deque.AxeCore.Commons.AxeResultItem v) =>
            v.Id == "nested-interactive" && v.Nodes.All(n => n.Target.ToString() == ".mud-menu-activator");
        var serious = result.Violations.Where(v => v.Impact is "critical" or "serious" && !MudSelectActivator(v)).Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
