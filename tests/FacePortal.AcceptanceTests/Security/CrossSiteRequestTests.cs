using System.IO.Compression;
using FacePortal.AcceptanceTests.Support;
using FacePortal.TestSupport;
using Microsoft.Playwright;
using static FacePortal.AcceptanceTests.Support.PageEvidence;

namespace FacePortal.AcceptanceTests.Security;

/// <summary>
/// Issue 15, item 2: while an admin is signed in, a page on another port of the same host (same
/// site, so SameSite=Strict does not keep the cookie back) tries what the tester did: a
/// no-cors fetch that imports a person, and a form that signs the admin out. Neither may work.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CrossSiteRequestTests(BrowserFixture fixture)
{
    private const string ForgedPerson = "Forged Import";

    [Fact]
    public async Task A_page_on_another_port_can_neither_import_a_person_nor_sign_the_admin_out()
    {
        var portal = fixture.Server.BaseAddress;
        await using var attacker = OtherOriginSite.Start(new Dictionary<string, (string, byte[])>
        {
            ["/"] = OtherOriginSite.Html(AttackPage(portal)),
            ["/people.zip"] = ("application/zip", OnePersonZip()),
        });
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;

        // The same browser context, so the same cookie jar: the admin's tab and the other site's tab.
        var other = await context.NewPageAsync();
        await other.GotoAsync(attacker.BaseAddress.ToString());
        Assert.NotEqual(new Uri(other.Url).Port, portal.Port);

        var sent = await other.EvaluateAsync<string>("forgeImport()");
        Assert.Equal("multipart sent, raw sent", sent);
        await Diagnose(page, fixture, async () => Assert.Equal(0, await CountPeopleNamedAsync(page, ForgedPerson)), "csrf-import-failure");

        var refused = await other.RunAndWaitForResponseAsync(() => other.ClickAsync("#forge-logout"), r => r.Url.EndsWith("/account/logout", StringComparison.Ordinal));
        await other.WaitForLoadStateAsync();
        await Shot(other, "csrf-logout-refused.png");

        // Still signed in: a fresh page load shows the portal, not the login page, and the API answers.
        await page.GotoAsync("people");
        Assert.DoesNotContain("/account/login", page.Url, StringComparison.Ordinal);
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#user-menu button")).ToContainTextAsync(PortalServer.AdminName);
        Assert.Equal(0, await CountPeopleNamedAsync(page, ForgedPerson));
        Assert.Equal(400, refused.Status);

        // The portal's own sign-out form carries the token and still works.
        await page.ClickAsync("#user-menu button");
        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        Assert.Equal(401, (await page.APIRequest.GetAsync("api/v1/people")).Status);
    }

    /// <summary>
    /// What any page on the web can do without a CORS preflight: a no-cors fetch with the cookie
    /// (the zip as a form upload, then as a raw body), and a plain form post to the sign-out address.
    /// </summary>
    private static string AttackPage(Uri portal) => $$"""
        <!doctype html>
        <html>
        <head><title>Nothing to see here</title></head>
        <body>
          <h1>Cat pictures</h1>
          <form method="post" action="{{portal}}account/logout"><button id="forge-logout" type="submit">More cats</button></form>
          <script>
            async function forgeImport() {
              const zip = await (await fetch('/people.zip')).blob();
              const form = new FormData();
              form.append('file', zip, 'people.zip');
              const outcome = [];
              for (const [name, body] of [['multipart', form], ['raw', zip]]) {
                try {
                  await fetch('{{portal}}api/v1/import', { method: 'POST', mode: 'no-cors', credentials: 'include', body });
                  outcome.push(name + ' sent');
                } catch (e) {
                  outcome.push(name + ' failed: ' + e.message);
                }
              }
              return outcome.join(', ');
            }
          </script>
        </body>
        </html>
        """;

    private static async Task<int> CountPeopleNamedAsync(IPage page, string name)
    {
        var response = await page.APIRequest.GetAsync($"api/v1/people?search={Uri.EscapeDataString(name)}");
        Assert.True(response.Ok, $"The admin's own API call answered {response.Status}: still signed in?");
        return (await response.JsonAsync())!.Value.GetProperty("totalCount").GetInt32();
    }

    private static byte[] OnePersonZip()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry($"{ForgedPerson}/img1.jpg").Open();
            entry.Write(File.ReadAllBytes(Path.Combine(RepoLocations.DeepFace, "img1.jpg")));
        }

        return buffer.ToArray();
    }
}
