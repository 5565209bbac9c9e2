using System.Net.Http.Json;
using System.Text.Json;
using FacePortal.Web.Tests.Integration;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.CompreFace;

/// <summary>Requests as CompreFace's clients send them: the key in a lowercase x-api-key header, the photo as 'file'.</summary>
internal static class CompreFaceCalls
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A client with a fresh key holding <paramref name="scopes"/> (all when none), sent as CompreFace's SDKs do.</summary>
    public static async Task<HttpClient> ClientAsync(IntegrationFixture fixture, params string[] scopes)
    {
        var key = await fixture.CreateKeyAsync("compreface", scopes);
        return ClientWithKey(fixture, key.Key);
    }

    public static HttpClient ClientWithKey(IntegrationFixture fixture, string key)
    {
        var client = fixture.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("x-api-key", key);
        return client;
    }

    public static Uri Url(string path) => new(path, UriKind.Relative);

    public static MultipartFormDataContent File(string photo) => ApiBodies.Multipart(("file", TestPhotos.DeepFace(photo)));

    public static JsonContent Base64(string photo) => ApiBodies.Base64(("file", TestPhotos.DeepFace(photo)));

    /// <summary>The JSON answer, after checking the status.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, int status = 200)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>CompreFace's error body (message and code), which is also FacePortal's problem details; the message.</summary>
    public static async Task<string> ErrorAsync(HttpResponseMessage response, int status, int code)
    {
        var body = await JsonAsync(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, body.GetProperty("code").GetInt32());
        var message = body.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.Equal(message, body.GetProperty("detail").GetString());
        return message;
    }

    public static async Task<string> AddExampleAsync(HttpClient client, string subject, string photo)
    {
        using var response = await client.PostAsync(Url($"/api/v1/recognition/faces?subject={Uri.EscapeDataString(subject)}"), File(photo), Ct);
        var body = await JsonAsync(response, 201);
        Assert.Equal(subject, body.GetProperty("subject").GetString());
        return body.GetProperty("image_id").GetString()!;
    }

    public static async Task<List<string>> SubjectsAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Url("/api/v1/recognition/subjects"), Ct);
        var body = await JsonAsync(response);
        return [.. body.GetProperty("subjects").EnumerateArray().Select(s => s.GetString()!)];
    }
}
