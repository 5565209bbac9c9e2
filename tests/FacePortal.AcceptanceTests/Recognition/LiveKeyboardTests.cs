using FacePortal.AcceptanceTests.Support;
using Microsoft.Playwright;
using static FacePortal.AcceptanceTests.Support.KeyboardFocus;
using static FacePortal.AcceptanceTests.Support.PageEvidence;

namespace FacePortal.AcceptanceTests.Recognition;

/// <summary>
/// Live with the keyboard alone (issue 22): Tab reaches the frame size, the liveness switch and Start, each visibly
/// marked; Enter starts the camera and, once streaming, Tab reaches Stop and Enter stops it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveKeyboardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Live_starts_and_stops_with_the_keyboard_alone()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        var errors = ConsoleErrors(page);
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync("live");
        await BrowserFixture.WaitForInteractiveAsync(page);

        var seen = await TabThroughAsync(page);
        Assert.Contains(seen, f => f.Id == "live-start");
        Assert.Contains(seen, f => f.Role == "switch" || f.Role == "checkbox" || f.Text.Contains("Liveness", StringComparison.Ordinal));

        // Start is reached (above); Enter on it starts the camera.
        await page.Locator("#live-start").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#live-stop")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.WaitForFunctionAsync("() => parseFloat(document.querySelector('#live-fps').textContent) > 0", null, new() { Timeout = 30_000 });

        var streaming = await TabThroughAsync(page);
        Assert.Contains(streaming, f => f.Id == "live-stop");
        await page.Locator("#live-stop").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#live-start")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Shot(page, "live-keyboard.png");
        Assert.Empty(errors);
    }
}
