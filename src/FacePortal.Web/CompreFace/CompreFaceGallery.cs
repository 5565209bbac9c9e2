using Microsoft.AspNetCore.Http.HttpResults;

namespace FacePortal.Web.CompreFace;

/// <summary>
/// Which gallery a request of the CompreFace-compatible API works in: CompreFace's "face collection" of the key.
/// Every endpoint asks here and nowhere else. Until galleries land FacePortal has one gallery, so every key sees it;
/// this becomes a call to <c>GalleryAccess.ResolveAsync(context, requested: null, ct)</c> (docs: galleries design),
/// whose 403/404 problem is then answered as it is.
/// </summary>
public sealed class CompreFaceGallery
{
    /// <summary>The default gallery's fixed id in the galleries design (<c>Gallery.DefaultId</c>, "Main").</summary>
    public static readonly Guid DefaultId = new("00000000-0000-0000-0000-000000000001");

    public Task<GalleryChoice> ResolveAsync(HttpContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(new GalleryChoice(DefaultId, null));
    }
}

/// <summary>The gallery a request may use, or the problem to answer instead.</summary>
public sealed record GalleryChoice(Guid GalleryId, ProblemHttpResult? Problem);
