namespace FacePortal.Shared.OpenSet;

/// <summary>
/// Impostor score tails: one pooled tail (the model's statistics), or one per probe face (a gallery's own).
/// A stranger's chance of being named at a threshold is the mean over tails of the chance that some enrolled
/// person reaches it. Per-probe tails keep probes apart because they differ (some faces resemble many others);
/// a pooled tail treats every comparison alike, which overstates the rate a little and so errs on the safe side.
/// </summary>
public sealed class ImpostorProfile
{
    /// <summary>Scores kept per probe: a probe's rate matters only where a handful of people reach the threshold.</summary>
    public const int ProbeTailSize = 32;

    /// <summary>Pooled scores kept, and how many of the highest the exponential beyond them is fitted to.</summary>
    public const int PooledTailSize = 2000;

    public const int PooledFitSize = 100;

    public ImpostorProfile(IReadOnlyList<ScoreTail> tails)
    {
        ArgumentNullException.ThrowIfNull(tails);
        if (tails.Count == 0)
        {
            throw new ArgumentException("An impostor profile needs at least one tail.", nameof(tails));
        }

        Tails = tails;
    }

    public IReadOnlyList<ScoreTail> Tails { get; }

    /// <summary>The expected share of strangers named when each is compared with <paramref name="comparisons"/> people.</summary>
    public double FalseMatchRate(float threshold, int comparisons)
    {
        double sum = 0;
        foreach (var tail in Tails)
        {
            sum += tail.FalseMatchRate(threshold, Math.Max(1, comparisons));
        }

        return sum / Tails.Count;
    }

    /// <summary>
    /// The pooled profile of labelled embeddings (unit length): every face against every face of the other labels.
    /// </summary>
    public static ImpostorProfile Pooled(IReadOnlyList<float[]> embeddings, IReadOnlyList<int> labels)
    {
        Check(embeddings, labels);
        var perProbe = new float[embeddings.Count][];
        var totals = new long[embeddings.Count];
        Parallel.For(0, embeddings.Count, i =>
        {
            var scores = new List<float>();
            for (var j = i + 1; j < embeddings.Count; j++)
            {
                if (labels[j] != labels[i])
                {
                    scores.Add(TensorPrimitives.Dot(embeddings[i], embeddings[j]));
                }
            }

            totals[i] = scores.Count;
            perProbe[i] = Highest(scores, PooledTailSize);
        });

        var total = totals.Sum();
        if (total == 0)
        {
            throw new ArgumentException("Impostor statistics need faces of at least two people.", nameof(labels));
        }

        return new ImpostorProfile([new ScoreTail(Highest(perProbe.SelectMany(s => s).ToList(), PooledTailSize), total, PooledFitSize)]);
    }

    /// <summary>
    /// One tail per probe: each against every other label's nearest face (a gallery names people, and one person's
    /// faces are not independent chances). At most <paramref name="maxProbes"/> probes, taken evenly in the given
    /// order so the same input always gives the same profile. Null when no probe has another label to meet.
    /// </summary>
    public static ImpostorProfile? PerProbe(IReadOnlyList<float[]> embeddings, IReadOnlyList<int> labels, int maxProbes = int.MaxValue)
    {
        Check(embeddings, labels);
        var labelCount = labels.Count == 0 ? 0 : labels.Max() + 1;
        var step = Math.Max(1, (embeddings.Count + maxProbes - 1) / Math.Max(1, maxProbes));
        var probes = Enumerable.Range(0, embeddings.Count).Where(i => i % step == 0).ToArray();
        var tails = new ScoreTail?[probes.Length];
        Parallel.For(0, probes.Length, p =>
        {
            var i = probes[p];
            var best = new float[labelCount];
            best.AsSpan().Fill(float.NegativeInfinity);
            for (var j = 0; j < embeddings.Count; j++)
            {
                if (labels[j] != labels[i])
                {
                    best[labels[j]] = Math.Max(best[labels[j]], TensorPrimitives.Dot(embeddings[i], embeddings[j]));
                }
            }

            var scores = best.Where(s => !float.IsNegativeInfinity(s)).ToList();
            if (scores.Count > 0)
            {
                tails[p] = new ScoreTail(Highest(scores, ProbeTailSize), scores.Count, fitSize: 0);
            }
        });

        var fitted = tails.OfType<ScoreTail>().ToList();
        return fitted.Count == 0 ? null : new ImpostorProfile(fitted);
    }

    private static void Check(IReadOnlyList<float[]> embeddings, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(labels);
        if (embeddings.Count != labels.Count)
        {
            throw new ArgumentException("Every embedding needs a label.", nameof(labels));
        }
    }

    private static float[] Highest(List<float> scores, int count)
    {
        scores.Sort();
        return scores.Count <= count ? [.. scores] : scores[^count..].ToArray();
    }
}
