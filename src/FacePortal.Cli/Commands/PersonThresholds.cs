using System.Numerics.Tensors;
using FacePortal.Shared.Search;

namespace FacePortal.Cli.Commands;

/// <summary>
/// Per-person thresholds: a person whose enrolled faces sit close to other people's faces (look-alikes, or a
/// face that resembles many) gets a higher threshold. Each person's crowding is the similarity of their enrolled
/// faces to the nearest face of anyone else (other enrolled people, and the cohort's faces when given); the
/// threshold rises by how far that is above the gallery's median crowding. Applied as the same shift taken off
/// that person's similarities, so the one decision and its one threshold stay as they are.
/// </summary>
public sealed class PersonThresholds
{
    private readonly Dictionary<Guid, float> _raise;

    public PersonThresholds(IReadOnlyList<GalleryFace> enrolled, IReadOnlyList<float[]>? cohort = null)
    {
        ArgumentNullException.ThrowIfNull(enrolled);
        var crowding = new Dictionary<Guid, float>();
        foreach (var face in enrolled)
        {
            var nearest = float.NegativeInfinity;
            foreach (var other in enrolled)
            {
                if (other.PersonId != face.PersonId)
                {
                    nearest = Math.Max(nearest, TensorPrimitives.Dot(face.Embedding, other.Embedding));
                }
            }

            foreach (var other in cohort ?? [])
            {
                nearest = Math.Max(nearest, TensorPrimitives.Dot(face.Embedding, other));
            }

            crowding[face.PersonId] = Math.Max(crowding.GetValueOrDefault(face.PersonId, float.NegativeInfinity), nearest);
        }

        var finite = crowding.Values.Where(float.IsFinite).Order().ToList();
        var median = finite.Count == 0 ? 0 : finite[finite.Count / 2];
        _raise = crowding.ToDictionary(c => c.Key, c => float.IsFinite(c.Value) ? Math.Max(0, c.Value - median) : 0);
    }

    public float RaiseOf(Guid personId) => _raise.GetValueOrDefault(personId);

    public float HighestRaise => _raise.Count == 0 ? 0 : _raise.Values.Max();

    /// <summary>The candidates with each person's raise taken off, best first again.</summary>
    public IReadOnlyList<GalleryMatch> Apply(IReadOnlyList<GalleryMatch> candidates) =>
        [.. candidates.Select(c => c with { Similarity = c.Similarity - RaiseOf(c.PersonId), TemplateSimilarity = c.TemplateSimilarity - RaiseOf(c.PersonId) })
            .OrderByDescending(c => c.Similarity)];
}
