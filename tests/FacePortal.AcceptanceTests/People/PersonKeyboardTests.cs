using FacePortal.AcceptanceTests.Support;
using Microsoft.Playwright;
using static FacePortal.AcceptanceTests.Support.KeyboardFocus;
using static FacePortal.AcceptanceTests.Support.PageEvidence;

namespace FacePortal.AcceptanceTests.People;

/// <summary>
/// The person page with the keyboard alone (issue 22): Tab reaches its main controls in order, each focused control
/// is visibly marked, Enter and the arrow keys operate them, and Tab never gets stuck.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PersonKeyboardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_person_page_can_be_used_with_the_keyboard_alone()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        var errors = ConsoleErrors(page);
        var person = await PortalApi.EnrollAsync(page, "Keyboard Angelina", "img1.jpg", "img2.jpg");
        try
        {
            await page.SetViewportSizeAsync(1440, 900);
            await page.GotoAsync($"people/{person}");
            await BrowserFixture.WaitForInteractiveAsync(page);

            // Tab through the whole page: every control reached is marked, and the main ones are all reached.
            var seen = await TabThroughAsync(page);
            Assert.True(seen.Count >= 8, $"only {seen.Count} Tab stops");
            string[] wanted = ["rename-person", "export-person", "delete-person", "photo-input"];
            foreach (var id in wanted)
            {
                Assert.Contains(seen, f => f.Id == id);
            }

            Assert.Contains(seen, f => f.Role == "tab");
            Assert.Contains(seen, f => f.Name == "Delete this face");
            Assert.Contains(seen, f => f.Name == "Delete this photo");

            // No trap: Shift+Tab walks back the way Tab came.
            await page.Locator("#delete-person").FocusAsync();
            await page.Keyboard.PressAsync("Shift+Tab");
            Assert.Equal("export-person", (await FocusedAsync(page)).Id);

            // Rename with Enter alone: the dialog takes focus, Enter saves, a toast confirms, focus is not lost.
            await page.Locator("#rename-person").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Diagnose(page, fixture, () => Assertions.Expect(page.Locator("#person-name-input")).ToBeFocusedAsync(), "keyboard-failure");
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync("Keyboard Jolie");
            await page.Keyboard.PressAsync("Enter");
            await Toasts.ExpectAsync(page, "Renamed Keyboard Angelina to Keyboard Jolie");
            await Assertions.Expect(page.Locator("#person-name")).ToHaveTextAsync("Keyboard Jolie");

            // The tabs (one Tab stop, as W3C's tabs pattern has it): the arrow key moves to the webcam tab, Enter opens it.
            await page.GetByRole(AriaRole.Tab, new() { Name = "Upload photos" }).FocusAsync();
            await page.Keyboard.PressAsync("ArrowRight");
            await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Capture from webcam" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#camera-start")).ToBeVisibleAsync();
            await Shot(page, "person-keyboard.png");

            // A confirmation is answered with the keyboard too: Tab reaches Cancel inside it, Enter cancels, nothing is deleted.
            await page.Locator("#delete-person").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => document.querySelector('.mud-dialog')?.contains(document.activeElement)");
            var cancel = await TabUntilAsync(page, f => f.Text.Equals("cancel", StringComparison.OrdinalIgnoreCase));
            Assert.Equal("cancel", cancel.Text.ToLowerInvariant());
            Assert.True(cancel.Visible, "Cancel has focus but shows no focus mark");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#person-name")).ToHaveTextAsync("Keyboard Jolie");

            // Escape answers no as well.
            await page.Locator("#delete-person").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => document.querySelector('.mud-dialog')?.contains(document.activeElement)");
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#person-name")).ToHaveTextAsync("Keyboard Jolie");
            Assert.Empty(errors);
        }
        finally
        {
            await PortalApi.DeleteAsync(page, person);
        }
    }
}
