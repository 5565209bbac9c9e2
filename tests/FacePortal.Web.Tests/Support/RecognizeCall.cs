using System.Net;
using System.Net.Http.Json;
using FacePortal.Web.Recognition;

namespace FacePortal.Web.Tests.Support;

/// <summary>POST /api/v1/recognize with one deepface photo, as whoever the client is signed in as.</summary>
public static class RecognizeCall
{
    public static async Task<RecognizeResponse> RecognizeAsync(HttpClient client, string photo)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestPhotos.DeepFace(photo)), "image", photo } };
        using var response = await client.PostAsync(new Uri("/api/v1/recognize", UriKind.Relative), form, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<RecognizeResponse>(ApiJson.Options, TestContext.Current.CancellationToken))!;
    }
}
