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
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync("training");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("#training-advanced .mud-expand-panel-header").ClickAsync();
        await Assertions.Expect(page.Locator("#training-advanced")).ToContainTextAsync("Seed");

        var heights = await page.EvaluateAsync<double[]>("() => [document.documentElement.scrollHeight, window.innerHeight]");
        Assert.True(heights[0] > heights[1] + 100, $"the page ({heights[0]} px) is not longer than the window ({heights[1]} px)");
        await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        var drawer = await page.EvaluateAsync<double[]>(
            "() => { const r = document.querySelector('.mud-drawer').getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight]; }");
        await Shot(page, "shell-drawer-long-page.png");

        Assert.True(drawer[0] <= 64, $"the drawer starts at {drawer[0]} px once scrolled");
        Assert.True(drawer[1] >= drawer[2] - 1, $"the drawer ends at {drawer[1]} px of a {drawer[2]} px window");
    }
}
