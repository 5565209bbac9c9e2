using System.Collections.Concurrent;
using FacePortal.Shared.Imaging;

namespace FacePortal.Shared.Faces.Verification;

/// <summary>The outcome of verifying labelled pairs of image files with the face pipeline.</summary>
public sealed record PairEvaluationResult(
    VerificationReport Report,
    IReadOnlyList<VerificationPair> Scored,
    IReadOnlyDictionary<string, string> UnusableImages,
    int SkippedPairs);

/// <summary>Embeds every image once (its largest face), scores each pair by cosine similarity, and reports.</summary>
public static class PairEvaluation
{
    public static readonly double[] StandardFars = [1e-2, 1e-3];

    public static PairEvaluationResult Run(FacePipeline pipeline, string imageDirectory, IReadOnlyList<LabelledPair> pairs, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(pairs);
        var files = pairs.SelectMany(p => new[] { p.FileX, p.FileY }).Distinct(StringComparer.Ordinal).ToList();
        var embeddings = new ConcurrentDictionary<string, float[]>(StringComparer.Ordinal);
        var unusable = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, file =>
        {
            var path = Path.Combine(imageDirectory, file);
            if (!File.Exists(path))
            {
                unusable[file] = "file not found";
                return;
            }

            try
            {
                var faces = pipeline.Analyze(File.ReadAllBytes(path));
                if (faces.Count == 0)
                {
                    unusable[file] = "no face found";
                    return;
                }

                embeddings[file] = faces.MaxBy(f => f.Box.Area)!.Embedding;
            }
            catch (ImageDecodeException ex)
            {
                unusable[file] = ex.Message;
            }
        });

        var scored = new List<VerificationPair>();
        var skipped = 0;
        foreach (var pair in pairs)
        {
            if (embeddings.TryGetValue(pair.FileX, out var x) && embeddings.TryGetValue(pair.FileY, out var y))
            {
                scored.Add(new VerificationPair(Embeddings.EmbeddingMath.CosineSimilarity(x, y), pair.Same));
            }
            else
            {
                skipped++;
            }
        }

        return new PairEvaluationResult(
            VerificationMetrics.Evaluate(scored, StandardFars),
            scored,
            new SortedDictionary<string, string>(unusable, StringComparer.Ordinal),
            skipped);
    }
}
