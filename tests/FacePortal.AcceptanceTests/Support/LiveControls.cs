using Microsoft.Playwright;

namespace FacePortal.AcceptanceTests.Support;

/// <summary>The Live page's start and stop, as every Live browser test presses them.</summary>
public static class LiveControls
{
    /// <summary>Opens Live (unless the page is already there) and starts the camera; returns once streaming.</summary>
    public static async Task StartAsync(IPage page, bool navigate = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (navigate)
        {
            await page.GotoAsync("live");
            await BrowserFixture.WaitForInteractiveAsync(page);
        }

        await page.ClickAsync("#live-start");
        await Assertions.Expect(page.Locator("#live-stop")).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }

    public static Task StopAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.ClickAsync("#live-stop");
    }
}
