using Deque.AxeCore.Playwright;
using FacePortal.AcceptanceTests.Support;
using Microsoft.Playwright;
using static FacePortal.AcceptanceTests.Support.PageEvidence;

namespace FacePortal.AcceptanceTests.Shell;

/// <summary>
/// Every page of the portal, at a desktop and a phone size, has no critical or serious axe-core finding, one h1
/// and a main landmark (issue 22). Nothing is excluded: the shared layout (app bar, user menu, drawer) is checked on
/// each page too.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageAccessibilityTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("")]
    [InlineData("people")]
    [InlineData("people/{person}")]
    [InlineData("import")]
    [InlineData("test-photo")]
    [InlineData("verify")]
    [InlineData("live")]
    [InlineData("lab")]
    [InlineData("training")]
    [InlineData("models")]
    [InlineData("health")]
    [InlineData("applications")]
    [InlineData("users")]
    [InlineData("audit")]
    [InlineData("settings/recognition")]
    [InlineData("account/password")]
    [InlineData("no-such-page")]
    public async Task The_page_has_no_serious_axe_finding_one_h1_and_a_main_landmark(string path)
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        await CheckAsync(page, path);
    }

    /// <summary>The same sweep signed in as an account with only the User role, on the pages such an account may open.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("test-photo")]
    [InlineData("verify")]
    [InlineData("live")]
    [InlineData("account/password")]
    [InlineData("no-such-page")]
    public async Task A_user_role_page_has_no_serious_axe_finding_one_h1_and_a_main_landmark(string path)
    {
        await EnsureUserAccountAsync();
        var (context, page) = await fixture.SignedInPageAsync(UserName, UserPassword);
        await using var _ = context;
        await Assertions.Expect(page.Locator("#nav-menu")).Not.ToContainTextAsync("People");
        await CheckAsync(page, path, "user-");
    }

    /// <summary>
    /// The pages that show a gallery picker, a gallery column or a panel per gallery, once there are two galleries to tell
    /// apart (with one, all of that is hidden, and the sweep above sees the pages without it).
    /// </summary>
    [Theory]
    [InlineData("people")]
    [InlineData("import")]
    [InlineData("test-photo")]
    [InlineData("live")]
    [InlineData("lab")]
    [InlineData("training")]
    [InlineData("models")]
    [InlineData("galleries")]
    public async Task With_two_galleries_the_page_has_no_serious_axe_finding_one_h1_and_a_main_landmark(string path)
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        var gallery = await PortalApi.CreateGalleryAsync(page, "Axe branch");
        try
        {
            await CheckAsync(page, path, "galleries2-");
        }
        finally
        {
            await PortalApi.DeleteGalleryAsync(page, gallery);
        }
    }

    private const string UserName = "axe-user";
    private const string UserPassword = "Axe-User-Passw0rd!";
    private static readonly SemaphoreSlim Creating = new(1, 1);
    private static bool _created;

    /// <summary>Made once per server, through the Users page as an admin would: the default role, User only.</summary>
    private async Task EnsureUserAccountAsync()
    {
        await Creating.WaitAsync();
        try
        {
            if (_created)
            {
                return;
            }

            var (context, page) = await fixture.SignedInPageAsync();
            await using var _ = context;
            await page.GotoAsync("users");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await page.ClickAsync("#new-user");
            await page.FillAsync("#new-user-name", UserName);
            await page.FillAsync("#new-user-password", UserPassword);
            await page.ClickAsync("#user-dialog-save");
            await Assertions.Expect(page.Locator("#users-table")).ToContainTextAsync(UserName);
            _created = true;
        }
        finally
        {
            Creating.Release();
        }
    }

    private static async Task CheckAsync(IPage page, string path, string shotPrefix = "")
    {
        Guid? person = null;
        var shotName = shotPrefix + (path.Length == 0 ? "home" : path.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal).Replace('/', '-'));
        try
        {
            if (path.Contains("{person}", StringComparison.Ordinal))
            {
                person = await PortalApi.CreatePersonAsync(page, "Axe Person");
                path = path.Replace("{person}", person.Value.ToString(), StringComparison.Ordinal);
            }

            foreach (var (width, height) in new[] { (1440, 900), (390, 844) })
            {
                await page.SetViewportSizeAsync(width, height);
                await page.GotoAsync(path);
                if (path.StartsWith("account/", StringComparison.Ordinal))
                {
                    // Account pages are plain server-rendered forms (they set the cookie): no circuit to wait for.
                    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                }
                else
                {
                    await BrowserFixture.WaitForInteractiveAsync(page);
                }

                // axe reads colours as drawn: a button fading from disabled to enabled would be judged mid-fade.
                await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });
                await Assertions.Expect(page.Locator("h1")).ToHaveCountAsync(1);
                await Assertions.Expect(page.Locator("main")).ToHaveCountAsync(1);

                var axe = await page.RunAxe();
                var serious = axe.Violations.Where(v => v.Impact is "critical" or "serious")
                    .Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(" | ", v.Nodes.Select(n => $"{n.Target} {n.Html} {string.Join("; ", n.Any.Select(c => c.Message))}"))})")
                    .ToList();
                // Every page at both sizes, kept as evidence of how it looks (and of what axe judged when it fails).
                await Shot(page, $"page-{shotName}-{width}.png");
                Assert.True(serious.Count == 0, $"/{path} at {width}x{height} (page-{shotName}-{width}.png):\n" + string.Join("\n", serious));
            }
        }
        finally
        {
            if (person is { } id)
            {
                await PortalApi.DeleteAsync(page, id);
            }
        }
    }
}
