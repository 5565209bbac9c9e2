using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace FacePortal.Web.Api;

/// <summary>
/// The one reader of the named photos of an API request, sent as multipart/form-data (one part per
/// photo, spooled by <see cref="MultipartSpool"/>: a part over the limit is refused as soon as it
/// is crossed, and a disk that cannot hold one while it arrives is answered 507), as a JSON object
/// whose named string members hold the photos in base64 (a data: URL prefix is allowed), or as
/// the bare body of an <c>image/*</c> request (the photo named <c>image</c>; the webcam preview
/// sends its frames so). All meet the same per-photo byte limit as the portal's uploads; the decoder
/// then applies its pixel limit.
/// </summary>
public static class PhotoInput
{
    public const string Json = "application/json";
    private const int MaxParts = 8;

    /// <summary>The photos named <paramref name="fields"/> (others are ignored), or a problem to answer.</summary>
    public static async Task<(IReadOnlyDictionary<string, byte[]>? Photos, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, long maxBytesPerPhoto, RequestBuffers buffers, string[] fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(fields);
        var (photos, problem) = IsJson(request) ? await ReadJsonAsync(request, maxBytesPerPhoto, ct)
            : IsImage(request) ? await ReadBodyAsync(request, maxBytesPerPhoto, ct)
            : await ReadMultipartAsync(request, maxBytesPerPhoto, buffers, ct);
        return photos is null ? (null, problem) : (photos.Where(p => fields.Contains(p.Key)).ToDictionary(), null);
    }

    /// <summary>The one photo named <c>image</c>, or a problem to answer (including its absence).</summary>
    public static async Task<(byte[]? Photo, ProblemHttpResult? Problem)> ReadImageAsync(HttpRequest request, long maxBytesPerPhoto, RequestBuffers buffers, CancellationToken ct)
    {
        var (photos, problem) = await ReadAsync(request, maxBytesPerPhoto, buffers, [PhotoField.Image], ct);
        return problem is not null ? (null, problem)
            : photos!.TryGetValue(PhotoField.Image, out var photo) ? (photo, null)
            : (null, Missing(PhotoField.Image));
    }

    /// <summary>400 for a photo field the request lacks.</summary>
    public static ProblemHttpResult Missing(params string[] fields) => TypedResults.Problem(
        $"Send the photo{(fields.Length > 1 ? "s" : string.Empty)} as {string.Join(" and ", fields.Select(f => $"'{f}'"))}: multipart/form-data parts, or members of a JSON object holding base64.",
        statusCode: StatusCodes.Status400BadRequest,
        title: "Photo missing");

    /// <summary>An image the decoder refused: 413 for one over the size limits, 400 otherwise; the decoder's sentence as the detail.</summary>
    public static ProblemHttpResult Unusable(ImageDecodeException e, string? which = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var status = e.Error is ImageDecodeError.TooManyBytes or ImageDecodeError.TooManyPixels ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
        return TypedResults.Problem(which is null ? e.Message : $"The {which} photo cannot be used: {e.Message}", statusCode: status, title: "Unusable image");
    }

    private static bool IsJson(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase);

    private static bool IsImage(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.Type.Equals("image", StringComparison.OrdinalIgnoreCase);

    private static async Task<(Dictionary<string, byte[]>? Photos, ProblemHttpResult? Problem)> ReadMultipartAsync(
        HttpRequest request, long maxBytesPerPhoto, RequestBuffers buffers, CancellationToken ct)
    {
        var (spool, problem) = await MultipartSpool.ReadAsync(request, buffers, new MultipartLimits(MaxParts, maxBytesPerPhoto, "photo", RefuseOversizedParts: true), ct);
        if (spool is null)
        {
            return (null, problem);
        }

        await using (spool)
        {
            var photos = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var part in spool.Parts)
            {
                if (part.Failure is { } failure)
                {
                    return (null, ApiProblems.NotSaved(failure));
                }

                photos[part.Name] = await part.ReadAllBytesAsync(ct);
            }

            return (photos, null);
        }
    }

    private static async Task<(Dictionary<string, byte[]>? Photos, ProblemHttpResult? Problem)> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(PhotoField.Image, maxBytes));
        }

        using var body = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    return (null, TooLarge(PhotoField.Image, maxBytes));
                }

                body.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(PhotoField.Image, maxBytes));
        }

        return (new Dictionary<string, byte[]> { [PhotoField.Image] = body.ToArray() }, null);
    }

    private static ProblemHttpResult TooLarge(string name, long maxBytes) =>
        TypedResults.Problem($"The photo '{name}' is larger than {maxBytes / (1024 * 1024)} MB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Photo too large");

    private static async Task<(Dictionary<string, byte[]>? Photos, ProblemHttpResult? Problem)> ReadJsonAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return (null, TypedResults.Problem("The body is not valid JSON.", statusCode: StatusCodes.Status400BadRequest, title: "Malformed JSON"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TypedResults.Problem("The request is too large. Send smaller photos.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, TypedResults.Problem("Send a JSON object whose members hold the photos in base64.", statusCode: StatusCodes.Status400BadRequest, title: "Malformed JSON"));
            }

            var photos = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var member in document.RootElement.EnumerateObject().Where(m => m.Value.ValueKind == JsonValueKind.String))
            {
                var (bytes, problem) = Decode(member.Name, member.Value.GetString()!, maxBytes);
                if (problem is not null)
                {
                    return (null, problem);
                }

                photos[member.Name] = bytes!;
            }

            return (photos, null);
        }
    }

    private static (byte[]? Bytes, ProblemHttpResult? Problem) Decode(string name, string text, long maxBytes)
    {
        var comma = text.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? text.IndexOf(',', StringComparison.Ordinal) : -1;
        var base64 = comma >= 0 ? text.AsSpan(comma + 1) : text.AsSpan();
        if ((long)base64.Length / 4 * 3 > maxBytes + 3)
        {
            return (null, TooLarge(name, maxBytes));
        }

        var buffer = new byte[(base64.Length / 4 * 3) + 3];
        return Convert.TryFromBase64Chars(base64, buffer, out var written)
            ? (buffer[..written], null)
            : (null, TypedResults.Problem($"The member '{name}' is not valid base64.", statusCode: StatusCodes.Status400BadRequest, title: "Bad base64"));
    }
}

/// <summary>The photo fields' names on the wire.</summary>
public static class PhotoField
{
    public const string Image = "image";
    public const string First = "first";
    public const string Second = "second";
}
