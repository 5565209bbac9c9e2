namespace FacePortal.Web.Galleries;

/// <summary>
/// How pages name galleries: not at all while there is one (every search is in it, and the name would only puzzle),
/// by name once there are several.
/// </summary>
public sealed record GalleryNames(IReadOnlyList<(Guid Id, string Name)> All)
{
    public static GalleryNames One { get; } = new([]);

    /// <summary>Whether there are galleries to tell apart.</summary>
    public bool Several => All.Count > 1;

    /// <summary>The gallery's name when there are several (a gallery deleted since is said so); null when there is one.</summary>
    public string? Of(Guid galleryId) => Several ? All.FirstOrDefault(g => g.Id == galleryId).Name ?? "a deleted gallery" : null;

    /// <summary>The names alone (not <see cref="GalleryService.ListAsync"/>'s counts of people, photos and faces), Main first as the galleries list shows them.</summary>
    public static async Task<GalleryNames> ReadAsync(GalleryService galleries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(galleries);
        var names = await galleries.NamesAsync(cancellationToken);
        return new GalleryNames([.. names
            .OrderByDescending(g => g.Key == Gallery.DefaultId).ThenBy(g => g.Value, StringComparer.CurrentCultureIgnoreCase)
            .Select(g => (g.Key, g.Value))]);
    }
}
