using System.Globalization;
using System.Text.RegularExpressions;
using FacePortal.AcceptanceTests.Support;
using FacePortal.TestSupport;
using Microsoft.Playwright;
using static FacePortal.AcceptanceTests.Support.PageEvidence;

namespace FacePortal.AcceptanceTests.Recognition;

/// <summary>
/// Live paces itself to the server's frame limit. The app here allows 4 frames/s, far below what it can analyse,
/// so a page that sent as fast as the server answers would be refused several frames a second; the page must send
/// at most 4 a second and never see a refusal or the "skipped" warning in 10 s of streaming.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LivePacingTests(BrowserFixture fixture)
{
    private const int Limit = 4;

    [Fact]
    public async Task A_fast_server_with_a_low_frame_limit_refuses_no_frame_over_ten_seconds()
    {
        await using var server = await PortalServer.StartAsync(
            CancellationToken.None,
            new Dictionary<string, string> { ["FacePortal__Live__MaxFramesPerSecond"] = Limit.ToString(CultureInfo.InvariantCulture) });
        var (context, page) = await fixture.SignedInPageAsync(server: server);
        await using var _ = context;
        var errors = ConsoleErrors(page);

        await LiveControls.StartAsync(page);
        await page.WaitForFunctionAsync("() => parseFloat(document.querySelector('#live-fps').textContent) > 0", null, new() { Timeout = 30_000 });
        var rates = new List<double>();
        for (var second = 0; second < 10; second++)
        {
            await page.WaitForTimeoutAsync(1000);
            rates.Add(double.Parse(await page.Locator("#live-fps").InnerTextAsync(), CultureInfo.InvariantCulture));
            Assert.Equal(0, Refused(await page.Locator("#live-stats").InnerTextAsync()));
            Assert.Equal(0, await page.Locator("#live-problem").CountAsync());
        }

        await Shot(page, "live-paced.png");
        var stats = await page.Locator("#live-stats").InnerTextAsync();
        await LiveControls.StopAsync(page);

        Assert.DoesNotContain("skipped", stats, StringComparison.Ordinal);
        // Answers per second over a 2 s window: never above the limit (plus one for a window's edge).
        Assert.All(rates, rate => Assert.InRange(rate, 0, Limit + 0.5));
        Assert.Contains(rates, rate => rate >= 1);
        Assert.Empty(errors);
    }

    private static int Refused(string stats) =>
        int.Parse(RefusedCount().Match(stats) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"No refusal count in: {stats}"), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(\d+) refused")]
    private static partial Regex RefusedCount();
}
