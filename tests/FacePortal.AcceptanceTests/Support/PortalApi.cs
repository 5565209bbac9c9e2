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
        var id = await CreatePersonAsync(page, name);
        var results = await UploadAsync(page, id, photos.Select(p => Path.Combine(RepoLocations.DeepFace, p)).ToArray());
        Assert.All(results, r => Assert.NotNull(r));
        return id;
    }

    public static async Task<Guid> CreatePersonAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var created = await page.APIRequest.PostAsync("api/v1/people", new() { DataObject = new { name }, Headers = await RequestTokenAsync(page) });
        Assert.True(created.Ok, await created.TextAsync());
        return (await created.JsonAsync())!.Value.GetProperty("id").GetGuid();
    }

    /// <summary>The person as GET /api/v1/people/{id} answers (faces, photos, avatar).</summary>
    public static async Task<JsonElement> GetPersonAsync(IPage page, Guid personId)
    {
        ArgumentNullException.ThrowIfNull(page);
        var read = await page.APIRequest.GetAsync($"api/v1/people/{personId}");
        Assert.True(read.Ok, await read.TextAsync());
        return (await read.JsonAsync())!.Value;
    }

    /// <summary>Uploads photo files for a person; each file's enrolled face id, or null when it was not accepted.</summary>
    public static async Task<Guid?[]> UploadAsync(IPage page, Guid personId, params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(paths);
        var form = page.APIRequest.CreateFormData();
        foreach (var path in paths)
        {
            var mime = Path.GetExtension(path).Equals(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "image/jpeg";
            form.Append("files", new FilePayload { Name = Path.GetFileName(path), MimeType = mime, Buffer = File.ReadAllBytes(path) });
        }

        var uploaded = await page.APIRequest.PostAsync($"api/v1/people/{personId}/photos", new() { Multipart = form, Headers = await RequestTokenAsync(page) });
        var results = JsonDocument.Parse(await uploaded.TextAsync()).RootElement;
        return results.EnumerateArray()
            .Select(r => r.GetProperty("status").GetString()!.StartsWith("Accepted", StringComparison.Ordinal) ? r.GetProperty("faceId").GetGuid() : (Guid?)null)
            .ToArray();
    }

    /// <summary>Uploads one photo; the rejection reason the portal gives (e.g. "TooBlurred"), or null when it was accepted.</summary>
    public static async Task<string?> RejectionReasonAsync(IPage page, Guid personId, string fileName, byte[] photo)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = page.APIRequest.CreateFormData();
        form.Append("files", new FilePayload { Name = fileName, MimeType = "image/jpeg", Buffer = photo });
        var uploaded = await page.APIRequest.PostAsync($"api/v1/people/{personId}/photos", new() { Multipart = form, Headers = await RequestTokenAsync(page) });
        var result = JsonDocument.Parse(await uploaded.TextAsync()).RootElement.EnumerateArray().Single();
        return result.GetProperty("status").GetString()!.StartsWith("Accepted", StringComparison.Ordinal) ? null : result.GetProperty("reason").GetString();
    }

    public static async Task<Guid> CreateGalleryAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var created = await page.APIRequest.PostAsync("api/v1/galleries", new() { DataObject = new { name }, Headers = await RequestTokenAsync(page) });
        Assert.True(created.Ok, await created.TextAsync());
        return (await created.JsonAsync())!.Value.GetProperty("id").GetGuid();
    }

    /// <summary>Deletes a gallery and everyone in it, so the other browser tests see one gallery again.</summary>
    public static async Task DeleteGalleryAsync(IPage page, Guid galleryId)
    {
        ArgumentNullException.ThrowIfNull(page);
        var deleted = await page.APIRequest.DeleteAsync($"api/v1/galleries/{galleryId}", new() { Headers = await RequestTokenAsync(page) });
        Assert.True(deleted.Ok, await deleted.TextAsync());
    }

    public static async Task DeleteAsync(IPage page, Guid personId)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.APIRequest.DeleteAsync($"api/v1/people/{personId}", new() { Headers = await RequestTokenAsync(page) });
    }

    private static async Task<Dictionary<string, string>> RequestTokenAsync(IPage page)
    {
        var (header, token) = PortalSignIn.RequestTokenIn(await page.ContentAsync());
        return new Dictionary<string, string> { [header] = token };
    }
}
