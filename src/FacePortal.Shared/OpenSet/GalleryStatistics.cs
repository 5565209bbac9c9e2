using FacePortal.Shared.Search;

namespace FacePortal.Shared.OpenSet;

/// <summary>
/// The gallery's own impostor profile: each enrolled face (up to <see cref="MaxProbes"/>, spread evenly)
/// against every other person's nearest face, leaving its own person out. Faces are taken in id order, so
/// every node with the same gallery computes the same profile.
/// </summary>
public static class GalleryStatistics
{
    /// <summary>Probes per profile, so a large gallery costs at most 2,000 searches of itself (see the GalleryStatistics benchmark).</summary>
    public const int MaxProbes = 2000;

    /// <summary>The profile, or null when fewer than two people are enrolled.</summary>
    public static ImpostorProfile? Profile(IReadOnlyList<GalleryFace> faces, int maxProbes = MaxProbes)
    {
        ArgumentNullException.ThrowIfNull(faces);
        var ordered = faces.OrderBy(f => f.FaceId).ToList();
        var labels = new Dictionary<Guid, int>();
        var labelOf = ordered.Select(f => labels.TryGetValue(f.PersonId, out var l) ? l : labels[f.PersonId] = labels.Count).ToList();
        return labels.Count < 2 ? null : ImpostorProfile.PerProbe(ordered.Select(f => f.Embedding).ToList(), labelOf, maxProbes);
    }
}
