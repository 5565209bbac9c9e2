using System.Text.Json;
using FacePortal.TestSupport;
using Microsoft.Playwright;

namespace FacePortal.AcceptanceTests.Support;

/// <summary>
/// Set-up through the admin API with the page's own sign-in cookie, for steps a test is not about.
/// Like the portal's scripts, each call carries the request token the page was rendered with.
/// </summary>
public static class PortalApi
{
    public static async Task<Guid> EnrollAsync(IPage page, string name, params string[] photos)
    {
        ArgumentNullException.ThrowIfNull(page);
        var headers = await RequestTokenAsync(page);
        var created = await page.APIRequest.PostAsync("api/people", new() { DataObject = new { name }, Headers = headers });
        Assert.True(created.Ok, await created.TextAsync());
        var id = (await created.JsonAsync())!.Value.GetProperty("id").GetGuid();
        var form = page.APIRequest.CreateFormData();
        foreach (var photo in photos)
        {
            form.Append("files", new FilePayload { Name = photo, MimeType = "image/jpeg", Buffer = File.ReadAllBytes(Path.Combine(RepoLocations.DeepFace, photo)) });
        }

        var uploaded = await page.APIRequest.PostAsync($"api/people/{id}/photos", new() { Multipart = form, Headers = headers });
        var results = JsonDocument.Parse(await uploaded.TextAsync()).RootElement;
        Assert.All(results.EnumerateArray(), r => Assert.StartsWith("Accepted", r.GetProperty("status").GetString(), StringComparison.Ordinal));
        return id;
    }

    public static async Task DeleteAsync(IPage page, Guid personId)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.APIRequest.DeleteAsync($"api/people/{personId}", new() { Headers = await RequestTokenAsync(page) });
    }

    private static async Task<Dictionary<string, string>> RequestTokenAsync(IPage page)
    {
        var (header, token) = PortalSignIn.RequestTokenIn(await page.ContentAsync());
        return new Dictionary<string, string> { [header] = token };
    }
}
