using System.Text.Json;
using FacePortal.AcceptanceTests.Support;
using Microsoft.Playwright;

namespace FacePortal.AcceptanceTests.Shell;

/// <summary>
/// An unknown address shows the portal's "Page not found" inside its layout with status 404, typed or followed
/// from a link in the app (issue 22); an unknown API address still gets problem details, not that page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NotFoundPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_typed_unknown_address_shows_page_not_found_in_the_layout_with_status_404()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;

        var response = await page.GotoAsync("no/such/page?x=1");

        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        Assert.StartsWith("text/html", response.Headers["content-type"], StringComparison.Ordinal);
        await AssertNotFoundPageAsync(page);
        Assert.EndsWith("/no/such/page?x=1", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_in_the_app_to_an_unknown_address_shows_page_not_found_and_its_link_goes_home()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        await page.GotoAsync("people");
        await BrowserFixture.WaitForInteractiveAsync(page);

        // A link as the app's own pages write them (relative to <base href="/">), followed by the interactive router.
        await page.EvaluateAsync("() => { const a = document.createElement('a'); a.href = 'people/gone/for/good'; a.id = 'dead-link'; a.textContent = 'dead'; document.querySelector('main').append(a); }");
        await page.ClickAsync("#dead-link");

        await page.WaitForURLAsync(url => url.EndsWith("/people/gone/for/good", StringComparison.Ordinal));
        await AssertNotFoundPageAsync(page);

        await page.ClickAsync("#not-found-home");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Assertions.Expect(page.Locator("#home-title")).ToContainTextAsync("Welcome");
    }

    [Theory]
    [InlineData("api/v1/no-such-thing")]
    [InlineData("api/v1/people/not-a-guid/faces")]
    public async Task An_unknown_api_address_answers_problem_details_not_the_page(string path)
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;

        var response = await page.APIRequest.GetAsync(path);

        Assert.Equal(404, response.Status);
        Assert.StartsWith("application/problem+json", response.Headers["content-type"], StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(await response.TextAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    private static async Task AssertNotFoundPageAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Page not found");
        await Assertions.Expect(page.Locator("#not-found-home")).ToHaveAttributeAsync("href", "/");
        await Assertions.Expect(page.Locator("#nav-menu")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Page not found · FacePortal");
    }
}
