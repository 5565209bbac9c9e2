using System.Net;
using System.Net.Http.Headers;
using FacePortal.AcceptanceTests.Support;
using FacePortal.TestSupport;
using Microsoft.Playwright;

namespace FacePortal.AcceptanceTests.Applications;

/// <summary>An admin gives another system a key on the Applications page, the system uses it over plain HTTP, and revoking it shuts the system out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApplicationKeyJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_admin_creates_and_copies_a_key_a_program_uses_it_and_revoking_it_refuses_the_next_call()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new BrowserContextGrantPermissionsOptions { Origin = fixture.Server.BaseAddress.GetLeftPart(UriPartial.Authority) });
        var consoleErrors = PageEvidence.ConsoleErrors(page);
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };

        await PageEvidence.Diagnose(page, fixture, async () =>
        {
            await page.ClickAsync("#nav-menu a[href='applications']");
            await page.Locator("#applications-title").WaitForAsync();
            await page.FillAsync("#new-key-name", "Door controller");
            await page.Locator("#new-key-scopes label", new PageLocatorOptions { HasText = "detect" }).ClickAsync();
            await page.Locator("#new-key-scopes label", new PageLocatorOptions { HasText = "people:read" }).ClickAsync();
            await page.ClickAsync("#create-key");
            var shown = (await page.Locator("#issued-key-value").InnerTextAsync()).Trim();

            await page.ClickAsync("#copy-key");

            // The copy runs over the circuit; its snackbar says the clipboard holds the key.
            await page.GetByText("Copied the key.").WaitForAsync();
            var key = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
            Assert.Equal(shown, key);
            await page.Locator("#keys-table tbody tr", new PageLocatorOptions { HasText = "Door controller" }).WaitForAsync();
            await PageEvidence.Shot(page, "applications.png");

            using (var people = await GetPeopleAsync(http, key))
            {
                Assert.Equal(HttpStatusCode.OK, people.StatusCode);
            }

            using (var form = new MultipartFormDataContent())
            {
                var photo = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(RepoLocations.DeepFace, "img1.jpg"), TestContext.Current.CancellationToken));
                photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                form.Add(photo, "image", "img1.jpg");
                using var detect = new HttpRequestMessage(HttpMethod.Post, "api/v1/detect") { Content = form };
                detect.Headers.Add("X-Api-Key", key);
                using var detected = await http.SendAsync(detect, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, detected.StatusCode);
            }

            await page.ClickAsync("[aria-label='Revoke the key of Door controller']");
            await page.Locator(".mud-dialog button", new PageLocatorOptions { HasText = "Revoke" }).ClickAsync();
            await page.Locator("#keys-table tbody tr", new PageLocatorOptions { HasText = "revoked" }).WaitForAsync();

            using var refused = await GetPeopleAsync(http, key);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("revoked", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            await PageEvidence.Shot(page, "applications-revoked.png");
        });

        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task The_api_reference_page_shows_the_contract_to_an_admin()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        var consoleErrors = PageEvidence.ConsoleErrors(page);

        await PageEvidence.Diagnose(page, fixture, async () =>
        {
            await page.GotoAsync("scalar/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await page.GetByText("FacePortal integration API").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            await PageEvidence.Shot(page, "api-reference.png");
        }, "api-reference-failure");

        // Scalar probes whether eval is allowed and works without it; anything else is a real error.
        Assert.All(consoleErrors, e => Assert.StartsWith("CSP violation: script-src blocked eval", e, StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> GetPeopleAsync(HttpClient http, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/people");
        request.Headers.Add("X-Api-Key", key);
        return http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
