namespace FacePortal.Web.Galleries;

/// <summary>
/// How pages name galleries: not at all while there is one (every search is in it, and the name would only puzzle),
/// by name once there are several.
/// </summary>
public sealed record GalleryNames(IReadOnlyList<GallerySummary> All)
{
    public static GalleryNames One { get; } = new([]);

    /// <summary>Whether there are galleries to tell apart.</summary>
    public bool Several => All.Count > 1;

    /// <summary>The gallery's name when there are several (a gallery deleted since is said so); null when there is one.</summary>
    public string? Of(Guid galleryId) => Several ? All.FirstOrDefault(g => g.Id == galleryId)?.Name ?? "a deleted gallery" : null;

    public static async Task<GalleryNames> ReadAsync(GalleryService galleries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(galleries);
        return new GalleryNames(await galleries.ListAsync(cancellationToken));
    }
}
