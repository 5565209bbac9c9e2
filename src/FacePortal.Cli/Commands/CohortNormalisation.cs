using System.Numerics.Tensors;
using FacePortal.Shared.Search;

namespace FacePortal.Cli.Commands;

/// <summary>
/// Score normalisation against a background cohort of faces nobody enrolled (test normalisation): a probe that
/// resembles many faces in general scores high against everyone, so its similarities are judged against how
/// high it scores against the cohort. <see cref="TopK"/> > 0: similarity minus the mean of the probe's
/// <see cref="TopK"/> highest cohort similarities; 0: the z-score against the whole cohort.
/// </summary>
/// <param name="faces">Unit embeddings of the cohort.</param>
/// <param name="labels">Each cohort face's person, so a cohort face used as a probe can leave its own person out.</param>
public sealed class CohortNormalisation(IReadOnlyList<float[]> faces, IReadOnlyList<int> labels, int topK)
{
    public IReadOnlyList<float[]> Faces { get; } = faces;

    public IReadOnlyList<int> Labels { get; } = labels;

    public int TopK { get; } = topK;

    public string Describe() => TopK > 0 ? $"minus the mean of the top {TopK} of {Faces.Count} cohort faces" : $"z-score against {Faces.Count} cohort faces";

    /// <summary>The candidates with normalised similarities (same order: the transform is the same for every candidate of one probe).</summary>
    public IReadOnlyList<GalleryMatch> Apply(float[] probe, IReadOnlyList<GalleryMatch> candidates, int leaveOut = -1)
    {
        var (shift, scale) = Statistics(probe, leaveOut);
        return [.. candidates.Select(c => c with { Similarity = (c.Similarity - shift) / scale, TemplateSimilarity = (c.TemplateSimilarity - shift) / scale })];
    }

    private (float Shift, float Scale) Statistics(float[] probe, int leaveOut)
    {
        var scores = new List<float>(Faces.Count);
        for (var i = 0; i < Faces.Count; i++)
        {
            if (Labels[i] != leaveOut)
            {
                scores.Add(TensorPrimitives.Dot(probe, Faces[i]));
            }
        }

        if (TopK > 0)
        {
            scores.Sort();
            var top = scores.Count <= TopK ? scores : scores[^TopK..];
            return (top.Average(), 1);
        }

        var mean = scores.Average();
        var std = MathF.Sqrt(scores.Select(s => (s - mean) * (s - mean)).Average());
        return (mean, Math.Max(std, 1e-3f));
    }
}
