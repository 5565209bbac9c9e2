using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using FacePortal.Core.People;

namespace FacePortal.Web.Tests.Support;

public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<Guid> CreatePersonAsync(HttpClient client, string name)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { name });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetGuid();
    }

    public static async Task<List<EnrollmentResult>> UploadAsync(HttpClient client, Guid personId, params (string FileName, byte[] Bytes)[] files)
    {
        using var form = TestPhotos.Form(files);
        using var response = await client.PostAsync(new Uri($"/api/v1/people/{personId}/photos", UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<EnrollmentResult>>(Options))!;
    }
}
