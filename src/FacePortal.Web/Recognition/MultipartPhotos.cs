using FacePortal.Web.Hosting;

namespace FacePortal.Web.Recognition;

/// <summary>
/// Reads a few named photos from a multipart request (<see cref="MultipartSpool"/>), refusing any
/// part over the photo limit as soon as it is crossed, and answering 507 when the disk cannot hold
/// a photo while it arrives.
/// </summary>
public static class MultipartPhotos
{
    private const int MaxParts = 8;

    public static async Task<(Dictionary<string, byte[]>? Photos, IResult? Problem)> ReadAsync(HttpRequest request, long maxBytesPerPhoto, RequestBuffers buffers, CancellationToken ct)
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
}
