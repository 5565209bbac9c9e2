using FacePortal.AcceptanceTests.Support;
using Microsoft.Playwright;
using static FacePortal.AcceptanceTests.Support.PageEvidence;

namespace FacePortal.AcceptanceTests.Security;

/// <summary>
/// Issue 15, item 9: every page, the Hangfire dashboard's included, works under the Content Security
/// Policy with nothing blocked, and the camera, the live hub's WebSocket and the preview fetches get through. (The journeys check the same on their pages through their console checks.)
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture)
{
    private static readonly string[] Pages =
    [
        "", "people", "import", "verify", "test-photo", "live", "training", "models", "users", "audit", "health", "account/password",
    ];

    private static readonly string[] DashboardPages = ["hangfire", "hangfire/jobs/enqueued", "hangfire/recurring", "hangfire/servers"];

    [Fact]
    public async Task Every_page_loads_and_works_without_a_policy_violation()
    {
        var violations = new List<string>();

        // The login page, as an anonymous visitor.
        await using (var anonymous = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Server.BaseAddress.ToString() }))
        {
            await ReportCspViolationsAsync(anonymous);
            anonymous.Console += (_, m) => Collect(violations, m);
            var visitor = await anonymous.NewPageAsync();
            await visitor.GotoAsync("account/login", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await Assertions.Expect(visitor.Locator("#sign-in")).ToBeVisibleAsync();
        }

        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        context.Console += (_, m) => Collect(violations, m);
        var person = await PortalApi.EnrollAsync(page, "Policy Person", "img1.jpg", "img2.jpg");
        try
        {
            foreach (var path in Pages.Append($"people/{person}"))
            {
                var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
                Assert.True(response?.Ok, $"/{path} answered {response?.Status}");
                if (path != "account/password")
                {
                    await BrowserFixture.WaitForInteractiveAsync(page);
                }
            }

            // Crops shown, then the webcam preview: the camera stream and its token-carrying fetches.
            await Assertions.Expect(page.Locator("#face-grid .face-tile img").First).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await page.Locator("#face-grid .face-tile img").First.EvaluateAsync<int>("i => i.naturalWidth") > 0, "the face crop did not load");
            await page.GetByRole(AriaRole.Tab, new() { Name = "Capture from webcam" }).ClickAsync();
            await page.ClickAsync("#camera-start");
            await Assertions.Expect(page.Locator("#capture-overlay")).ToHaveAttributeAsync("data-faces", "1", new() { Timeout = 15_000 });
            await Shot(page, "csp-webcam-preview.png");

            // The live hub's WebSocket (connect-src 'self' on ws:) and its script loaded at run time.
            await page.GotoAsync("live");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await page.ClickAsync("#live-start");
            await Diagnose(page, fixture, () => Assertions.Expect(page.Locator("#live-overlay")).ToHaveAttributeAsync("data-labels", new System.Text.RegularExpressions.Regex(".+"), new() { Timeout = 20_000 }), "csp-live-failure");
            await page.ClickAsync("#live-stop");

            foreach (var path in DashboardPages)
            {
                var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
                Assert.True(response?.Ok, $"/{path} answered {response?.Status}");
            }

            // The dashboard's own scripts ran (they start its page object, which draws the live graph).
            await page.GotoAsync("hangfire");
            await page.WaitForFunctionAsync("() => window.Hangfire?.page !== undefined");
            await Shot(page, "csp-hangfire.png");
            Assert.Empty(violations);
        }
        finally
        {
            await page.GotoAsync("");
            await PortalApi.DeleteAsync(page, person);
        }
    }

    private static void Collect(List<string> violations, IConsoleMessage message)
    {
        if (message.Type == "error" && (message.Text.StartsWith("CSP violation", StringComparison.Ordinal) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal)))
        {
            lock (violations)
            {
                violations.Add(message.Text);
            }
        }
    }
}
