using FacePortal.Web.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FacePortal.Web.Recognition;

/// <summary>
/// Reads a few named photos from a multipart request as a stream, part by part, refusing any part
/// over the photo limit as soon as it is crossed. Each part waits on disk while it arrives, then is
/// read into one array of its exact size: a growing memory buffer would hold up to three times
/// the photo at once.
/// </summary>
public static class MultipartPhotos
{
    private const int MaxParts = 8;

    public static async Task<(Dictionary<string, byte[]>? Photos, IResult? Problem)> ReadAsync(HttpRequest request, long maxBytesPerPhoto, RequestBuffers buffers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return (null, Results.Problem("Send the photos as multipart/form-data.", statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        var photos = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            for (var parts = 0; await reader.ReadNextSectionAsync(ct) is { } section; parts++)
            {
                if (parts >= MaxParts)
                {
                    return (null, Results.Problem($"A request holds at most {MaxParts} parts.", statusCode: StatusCodes.Status400BadRequest));
                }

                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data")
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
                {
                    continue;
                }

                await using var spool = buffers.Create();
                var chunk = new byte[81920];
                int read;
                while ((read = await section.Body.ReadAsync(chunk, ct)) > 0)
                {
                    if (spool.Length + read > maxBytesPerPhoto)
                    {
                        return (null, Results.Problem(
                            $"The photo '{name}' is larger than {maxBytesPerPhoto / (1024 * 1024)} MB.", statusCode: StatusCodes.Status413PayloadTooLarge));
                    }

                    await spool.WriteAsync(chunk.AsMemory(0, read), ct);
                }

                var photo = GC.AllocateUninitializedArray<byte>((int)spool.Length);
                spool.Position = 0;
                await spool.ReadExactlyAsync(photo, ct);
                photos[name] = photo;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException)
        {
            return (null, Results.Problem("The multipart request is malformed or was cut short.", statusCode: StatusCodes.Status400BadRequest));
        }

        return (photos, null);
    }
}
