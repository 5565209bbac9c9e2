using FacePortal.AcceptanceTests.Support;
using Microsoft.Playwright;
using static FacePortal.AcceptanceTests.Support.PageEvidence;

namespace FacePortal.AcceptanceTests.Shell;

/// <summary>The layout around every page (issue 22): the user menu's items line up, the drawer reaches the bottom of long pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShellLayoutTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_user_menus_two_items_have_the_same_size_and_left_edge()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        await page.SetViewportSizeAsync(1440, 900);

        await page.Locator("#user-menu button").First.ClickAsync();
        var change = await page.Locator("#change-password").BoundingBoxAsync();
        var signOut = await page.Locator("#sign-out").BoundingBoxAsync();
        await Shot(page, "shell-user-menu.png");

        Assert.NotNull(change);
        Assert.NotNull(signOut);
        Assert.Equal(change.Height, signOut.Height, 1);
        Assert.Equal(change.Width, signOut.Width, 1);
        Assert.Equal(change.X, signOut.X, 1);
        var iconsX = await page.EvaluateAsync<double[]>(
            "() => ['#change-password', '#sign-out'].map(s => document.querySelector(s + ' svg').getBoundingClientRect().left)");
        Assert.Equal(iconsX[0], iconsX[1], 1);
        var textX = await page.EvaluateAsync<double[]>(
            "() => ['#change-password', '#sign-out'].map(s => document.querySelector(s + ' .mud-menu-item-text').getBoundingClientRect().left)");
        Assert.Equal(textX[0], textX[1], 1);
    }

    [Fact]
    public async Task The_drawer_reaches_the_bottom_of_a_long_page()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        // A short window makes the Training page (its form opened) several windows long.
        await page.SetViewportSizeAsync(1440, 480);
        await page.GotoAsync("training");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("#training-advanced .mud-expand-panel-header").ClickAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.scrollHeight > window.innerHeight * 2");

        // As the reader scrolls: the drawer covers the window's left edge from the app bar to the bottom.
        await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        var drawer = await page.EvaluateAsync<double[]>(
            "() => { const r = document.querySelector('.mud-drawer').getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight]; }");
        Assert.True(drawer[0] <= 64, $"the drawer starts at {drawer[0]} px once scrolled");
        Assert.True(drawer[1] >= drawer[2] - 1, $"the drawer ends at {drawer[1]} px of a {drawer[2]} px window");

        // In a capture of the whole page: the drawer's colour runs down to the page's last row of pixels.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Path = Path.Combine(FacePortal.TestSupport.RepoLocations.Screenshots, "shell-drawer-long-page.png") });
        using var shot = SkiaSharp.SKBitmap.Decode(png);
        var drawerColour = shot.GetPixel(4, 470);
        var bottomLeft = shot.GetPixel(4, shot.Height - 3);
        Assert.True(shot.Height > 960, $"the capture is only {shot.Height} px high");
        Assert.Equal(drawerColour, bottomLeft);
        Assert.NotEqual(drawerColour, shot.GetPixel(shot.Width - 10, shot.Height - 3));
    }
}
