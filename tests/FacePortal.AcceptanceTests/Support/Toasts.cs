using Microsoft.Playwright;

namespace FacePortal.AcceptanceTests.Support;

/// <summary>The toast that confirms an action: the one with its text, whatever other toasts are still on screen.</summary>
public static class Toasts
{
    public static Task ExpectAsync(IPage page, string text, float timeout = 5_000)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = text })).ToBeVisibleAsync(new() { Timeout = timeout });
    }
}
