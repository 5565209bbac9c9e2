using FacePortal.Shared.Search;

namespace FacePortal.Shared.OpenSet;

/// <summary>
/// What the gallery looks like to its own threshold: for each enrolled face (up to <see cref="MaxProbes"/>,
/// in id order) the similarity of the nearest other face of the same person (genuine) and of the nearest
/// face of anyone else (impostor).
/// </summary>
public sealed record GallerySimilarities(IReadOnlyList<float> Genuine, IReadOnlyList<float> Impostor)
{
    public const int MaxProbes = 1000;

    public static GallerySimilarities Of(IReadOnlyList<GalleryFace> faces, int maxProbes = MaxProbes)
    {
        ArgumentNullException.ThrowIfNull(faces);
        var ordered = faces.OrderBy(f => f.FaceId).ToList();
        var step = Math.Max(1, ordered.Count / Math.Max(1, maxProbes));
        List<float> genuine = [], impostor = [];
        for (var i = 0; i < ordered.Count; i += step)
        {
            var probe = ordered[i];
            float same = float.NegativeInfinity, other = float.NegativeInfinity;
            foreach (var face in ordered)
            {
                if (face.FaceId == probe.FaceId)
                {
                    continue;
                }

                var similarity = TensorPrimitives.CosineSimilarity(probe.Embedding, face.Embedding);
                if (face.PersonId == probe.PersonId)
                {
                    same = Math.Max(same, similarity);
                }
                else
                {
                    other = Math.Max(other, similarity);
                }
            }

            if (float.IsFinite(same))
            {
                genuine.Add(same);
            }

            if (float.IsFinite(other))
            {
                impostor.Add(other);
            }
        }

        return new GallerySimilarities(genuine, impostor);
    }
}
