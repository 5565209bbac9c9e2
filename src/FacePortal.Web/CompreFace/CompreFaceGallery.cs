namespace FacePortal.Web.CompreFace;

/// <summary>
/// Which gallery a request of the CompreFace-compatible API works in: CompreFace's "face collection" is the key's
/// gallery. Every endpoint asks here and nowhere else, and here asks <see cref="GalleryAccess"/>, the one place that
/// decides who may use which gallery (a key bound to several names one with the <c>gallery</c> query parameter).
/// </summary>
public sealed class CompreFaceGallery(GalleryAccess access)
{
    public async Task<GalleryChoice> ResolveAsync(HttpContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await access.ResolveAsync(context, ct);
        return result.GalleryId is { } id
            ? new GalleryChoice(id, null)
            : new GalleryChoice(Guid.Empty, CompreFaceErrors.Problem(result.Status, CompreFaceErrors.CodeFor(result.Status), result.Detail ?? "This gallery may not be used."));
    }
}

/// <summary>The gallery a request may use, or the problem to answer instead.</summary>
public sealed record GalleryChoice(Guid GalleryId, ProblemHttpResult? Problem);
