using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FacePortal.Core.Applications;
using FacePortal.Web.Applications;
using FacePortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FacePortal.Web.Tests.Integration;

/// <summary>
/// One app for an integration API test class: Angelina enrolled from two deepface photos, a key
/// rate limit of <see cref="Permits"/> a minute, and clients carrying fresh keys (each key its own limit).
/// </summary>
public sealed class IntegrationFixture : IAsyncLifetime
{
    public const int Permits = 30;

    public FacePortalFactory Factory { get; } = new()
    {
        Settings = new Dictionary<string, string>
        {
            ["FacePortal:ApiKeys:RateLimitPermits"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FacePortal:ApiKeys:RateLimitWindowSeconds"] = "60",
        },
    };

    public Guid Angelina { get; private set; }

    public async ValueTask InitializeAsync() =>
        Angelina = await GalleryPeople.EnrollAsync(Factory, "Angelina Photo", "img1.jpg", "img2.jpg");

    /// <summary>A new key with <paramref name="scopes"/> (all when none are named), created through the service as the admin would.</summary>
    public async Task<IssuedApplicationKey> CreateKeyAsync(string name, params string[] scopes)
    {
        var parsed = ScopeNames.Parse(scopes.Length == 0 ? ScopeNames.All.Select(s => s.Name) : scopes);
        var created = await Factory.Services.GetRequiredService<ApplicationKeys>().CreateAsync($"{name} {Guid.NewGuid():N}", parsed.Value, null, FacePortalFactory.AdminName);
        Assert.True(created.Succeeded, created.Error);
        return created.Value;
    }

    /// <summary>A client that sends <paramref name="key"/> in X-Api-Key and no cookie, as another system would.</summary>
    public HttpClient KeyClient(string key)
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);
        return client;
    }

    public async Task<HttpClient> KeyClientAsync(params string[] scopes) => KeyClient((await CreateKeyAsync("test", scopes)).Key);

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>Request bodies and answers of the integration API.</summary>
public static class ApiBodies
{
    public static MultipartFormDataContent Multipart(params (string Field, byte[] Bytes)[] photos)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, bytes) in photos)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(content, field, $"{field}.jpg");
        }

        return form;
    }

    public static JsonContent Base64(params (string Field, byte[] Bytes)[] photos) =>
        JsonContent.Create(photos.ToDictionary(p => p.Field, p => Convert.ToBase64String(p.Bytes)));

    /// <summary>A grey 640x480 JPEG: a real image with no face.</summary>
    public static byte[] NoFacePhoto()
    {
        using var bitmap = new SKBitmap(640, 480);
        bitmap.Erase(new SKColor(128, 128, 128));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>The problem's detail sentence, after checking the answer is problem details with <paramref name="status"/>.</summary>
    public static async Task<string> ProblemAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        var detail = json.RootElement.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        Assert.EndsWith(".", detail.TrimEnd(), StringComparison.Ordinal);
        return detail;
    }

    public static async Task<T> OkAsync<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, ApiJson.Options)!;
    }
}
