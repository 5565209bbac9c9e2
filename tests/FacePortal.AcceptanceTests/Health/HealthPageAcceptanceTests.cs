using FacePortal.AcceptanceTests.Support;
using FacePortal.TestSupport;
using Microsoft.Playwright;

namespace FacePortal.AcceptanceTests.Health;

[Collection(BrowserCollection.Name)]
public sealed class HealthPageAcceptanceTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_admin_sees_the_models_loaded_on_the_cpu_with_a_warm_up_time()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        await page.GotoAsync("health", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await BrowserFixture.WaitForInteractiveAsync(page);

        Assert.Equal("3 loaded", (await page.Locator("#models-status").InnerTextAsync()).Trim());
        Assert.Equal("CPU", (await page.Locator("#execution-provider").InnerTextAsync()).Trim());
        Assert.Matches(@"^\d+\.\d ms$", (await page.Locator("#warmup-time").InnerTextAsync()).Trim());
        Assert.Equal(3, await page.Locator("#model-table tbody tr").CountAsync());
        // MudBlazor's stylesheet applied: the app bar is laid out as a fixed bar, not unstyled text.
        Assert.Equal("fixed", await page.Locator(".mud-appbar").EvaluateAsync<string>("e => getComputedStyle(e).position"));
        Assert.Empty(consoleErrors);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoLocations.Screenshots, "health.png"), FullPage = true });
    }

    [Fact]
    public async Task Healthz_answers_json_to_a_browser()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(new Uri(fixture.Server.BaseAddress, "healthz").ToString());

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Contains("\"status\":\"Healthy\"", await response.TextAsync(), StringComparison.Ordinal);
    }
}
