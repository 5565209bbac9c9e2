using FacePortal.Shared.Faces;
using FacePortal.Shared.Faces.Embeddings;

namespace FacePortal.Shared.Evaluation;

/// <summary>The outcome of verifying labelled pairs of image files with the face pipeline.</summary>
public sealed record PairEvaluationResult(
    VerificationReport Report,
    IReadOnlyList<VerificationPair> Scored,
    IReadOnlyDictionary<string, string> UnusableImages,
    int SkippedPairs);

/// <summary>Embeds every image once (its primary face), scores each pair by cosine similarity, and reports.</summary>
public static class PairEvaluation
{
    public static readonly double[] StandardFars = [1e-2, 1e-3];

    public static PairEvaluationResult Run(FacePipeline pipeline, string imageDirectory, IReadOnlyList<LabelledPair> pairs, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(pairs);
        var files = pairs.SelectMany(p => new[] { p.FileX, p.FileY }).Distinct(StringComparer.Ordinal).ToList();
        var (embeddings, unusable) = PrimaryFaceEmbeddings.Compute(pipeline, imageDirectory, files, parallelism);

        var scored = new List<VerificationPair>();
        var skipped = 0;
        foreach (var pair in pairs)
        {
            if (embeddings.TryGetValue(pair.FileX, out var x) && embeddings.TryGetValue(pair.FileY, out var y))
            {
                scored.Add(new VerificationPair(EmbeddingMath.CosineSimilarity(x, y), pair.Same));
            }
            else
            {
                skipped++;
            }
        }

        return new PairEvaluationResult(
            VerificationMetrics.Evaluate(scored, StandardFars),
            scored,
            unusable,
            skipped);
    }
}
