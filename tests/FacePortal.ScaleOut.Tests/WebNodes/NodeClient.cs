using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FacePortal.TestSupport;

namespace FacePortal.ScaleOut.Tests.WebNodes;

/// <summary>An admin's HTTP client for one node: signed in as a browser is, with the API calls the tests make.</summary>
public sealed class NodeClient : IDisposable
{
    private readonly HttpClientHandler _handler = new() { AllowAutoRedirect = false };
    private readonly HttpClient _http;

    private NodeClient(Uri node) => _http = new HttpClient(_handler) { BaseAddress = node, Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<NodeClient> SignInAsync(PortalServer node)
    {
        var client = new NodeClient(node.BaseAddress);
        await PortalSignIn.SignInAsync(client._http, PortalServer.AdminName, PortalServer.AdminPassword);
        return client;
    }

    /// <summary>The sign-in cookie as a Cookie header value, for clients that are not this one (another node, the live hub).</summary>
    public string AuthCookie =>
        $"FacePortal.Auth={_handler.CookieContainer.GetCookies(_http.BaseAddress!)["FacePortal.Auth"]?.Value ?? throw new InvalidOperationException("Not signed in.")}";

    public async Task<Guid> CreateGalleryAsync(string name, CancellationToken cancellationToken)
    {
        using var created = await _http.PostAsJsonAsync(new Uri("api/v1/galleries", UriKind.Relative), new { name }, cancellationToken);
        await EnsureAsync(created, HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }

    /// <param name="gallery">The gallery's name or id; Main when null.</param>
    public async Task<Guid> CreatePersonAsync(string name, CancellationToken cancellationToken, string? gallery = null)
    {
        using var created = await _http.PostAsJsonAsync(new Uri("api/v1/people" + GalleryQuery(gallery), UriKind.Relative), new { name }, cancellationToken);
        await EnsureAsync(created, HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }

    public async Task EnrollAsync(Guid personId, IEnumerable<string> deepFacePhotos, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        foreach (var photo in deepFacePhotos)
        {
            form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(RepoLocations.DeepFace, photo), cancellationToken)), "files", photo);
        }

        using var uploaded = await _http.PostAsync(new Uri($"api/v1/people/{personId}/photos", UriKind.Relative), form, cancellationToken);
        await EnsureAsync(uploaded, HttpStatusCode.OK);
    }

    public async Task RenameAsync(Guid personId, string name, CancellationToken cancellationToken)
    {
        using var renamed = await _http.PutAsJsonAsync(new Uri($"api/v1/people/{personId}", UriKind.Relative), new { name }, cancellationToken);
        await EnsureAsync(renamed, HttpStatusCode.OK, HttpStatusCode.NoContent);
    }

    public async Task DeletePersonAsync(Guid personId, CancellationToken cancellationToken)
    {
        using var deleted = await _http.DeleteAsync(new Uri($"api/v1/people/{personId}", UriKind.Relative), cancellationToken);
        await EnsureAsync(deleted, HttpStatusCode.OK);
    }

    /// <summary>Who the recognize API names in <paramref name="photo"/> (its one face): the person's id and name, or nulls for Unknown.</summary>
    /// <param name="gallery">The gallery to search (its name or id); Main when null.</param>
    public async Task<(Guid? PersonId, string? Name)> IdentifyAsync(byte[] photo, CancellationToken cancellationToken, string? gallery = null)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(photo), "image", "probe.jpg" } };
        using var response = await _http.PostAsync(new Uri("api/v1/recognize" + GalleryQuery(gallery), UriKind.Relative), form, cancellationToken);
        await EnsureAsync(response, HttpStatusCode.OK);
        var verdict = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("faces")[0].GetProperty("verdict");
        return (verdict.GetProperty("personId").ValueKind == JsonValueKind.Null ? null : verdict.GetProperty("personId").GetGuid(),
            verdict.GetProperty("name").ValueKind == JsonValueKind.Null ? null : verdict.GetProperty("name").GetString());
    }

    /// <summary>What the recognize API says it recognised with in <paramref name="gallery"/>: "gallery", or "model …" for a trained model in use there.</summary>
    public async Task<string> RecognizerAsync(byte[] photo, CancellationToken cancellationToken, string? gallery = null)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(photo), "image", "probe.jpg" } };
        using var response = await _http.PostAsync(new Uri("api/v1/recognize" + GalleryQuery(gallery), UriKind.Relative), form, cancellationToken);
        await EnsureAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("recognizer").GetString()!;
    }

    /// <summary>Trains a quick transfer head on <paramref name="people"/> on this node (its in-process queue) and returns the best checkpoint's id.</summary>
    public async Task<Guid> TrainAsync(IReadOnlyList<Guid> people, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var queued = await _http.PostAsJsonAsync(new Uri("api/v1/training", UriKind.Relative), new { personIds = people, augment = false, head = new { epochs = 10 } }, cancellationToken);
        await EnsureAsync(queued, HttpStatusCode.Accepted);
        var job = (await queued.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var status = (await _http.GetFromJsonAsync<JsonElement>(new Uri($"api/v1/training/{job}", UriKind.Relative), deadline.Token)).GetProperty("status").ToString();
            if (status is "Succeeded" or "2")
            {
                break;
            }

            if (status is not ("Queued" or "Running" or "0" or "1"))
            {
                throw new InvalidOperationException($"The training job ended {status}.");
            }

            await Task.Delay(250, deadline.Token);
        }

        var models = await _http.GetFromJsonAsync<JsonElement>(new Uri($"api/v1/models?job={job}", UriKind.Relative), cancellationToken);
        return models.EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "best").GetProperty("id").GetGuid();
    }

    public async Task ActivateModelAsync(Guid modelId, CancellationToken cancellationToken)
    {
        using var activated = await _http.PostAsync(new Uri($"api/v1/models/{modelId}/activate", UriKind.Relative), null, cancellationToken);
        await EnsureAsync(activated, HttpStatusCode.NoContent);
    }

    /// <summary>A GET with someone else's cookie (a cookie issued by another node), outside this client's own sign-in.</summary>
    public static async Task<HttpStatusCode> GetWithCookieAsync(Uri node, string path, string cookie, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = node };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    private static string GalleryQuery(string? gallery) => gallery is null ? "" : $"?gallery={Uri.EscapeDataString(gallery)}";

    private static async Task EnsureAsync(HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        if (!expected.Contains(response.StatusCode))
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _handler.Dispose();
    }
}
