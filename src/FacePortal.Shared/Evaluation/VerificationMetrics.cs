namespace FacePortal.Shared.Evaluation;

/// <summary>Verification metrics over labelled pairs: best-threshold accuracy, ROC AUC and TAR at fixed FAR.</summary>
public static class VerificationMetrics
{
    /// <summary>
    /// Computes the report. TAR is given for each FAR in <paramref name="fars"/> for which
    /// there are at least 1/FAR impostor pairs, so the rate means something.
    /// </summary>
    public static VerificationReport Evaluate(IReadOnlyList<VerificationPair> pairs, params double[] fars)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var genuine = pairs.Where(p => p.Same).Select(p => p.Similarity).OrderBy(s => s).ToArray();
        var impostor = pairs.Where(p => !p.Same).Select(p => p.Similarity).OrderByDescending(s => s).ToArray();
        if (genuine.Length == 0 || impostor.Length == 0)
        {
            throw new ArgumentException("Need at least one genuine and one impostor pair.", nameof(pairs));
        }

        var (threshold, accuracy) = BestThreshold(pairs);
        var tars = fars
            .Where(far => impostor.Length >= Math.Ceiling(1 / far))
            .Select(far => TarAt(far, genuine, impostor))
            .ToList();
        return new VerificationReport(genuine.Length, impostor.Length, threshold, accuracy, RocAuc(genuine, impostor), tars);
    }

    /// <summary>The threshold (similarity >= threshold means "same") that classifies the most pairs correctly.</summary>
    public static (float Threshold, double Accuracy) BestThreshold(IReadOnlyList<VerificationPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var sorted = pairs.OrderBy(p => p.Similarity).ToArray();
        var totalGenuine = sorted.Count(p => p.Same);

        // Threshold below everything: all genuine right, all impostors wrong.
        var correct = totalGenuine;
        var best = correct;
        var bestThreshold = sorted[0].Similarity - 1e-3f;
        for (var i = 0; i < sorted.Length; i++)
        {
            // Moving the threshold above sorted[i] flips it to "different".
            correct += sorted[i].Same ? -1 : 1;
            var tied = i + 1 < sorted.Length && sorted[i + 1].Similarity == sorted[i].Similarity;
            if (!tied && correct > best)
            {
                best = correct;
                bestThreshold = i + 1 < sorted.Length
                    ? (sorted[i].Similarity + sorted[i + 1].Similarity) / 2
                    : sorted[i].Similarity + 1e-3f;
            }
        }

        return (bestThreshold, (double)best / sorted.Length);
    }

    /// <summary>Probability that a random genuine pair scores above a random impostor pair (ties count half).</summary>
    public static double RocAuc(ReadOnlySpan<float> genuineAscending, ReadOnlySpan<float> impostorDescending)
    {
        double wins = 0;
        var impostorAscending = impostorDescending.ToArray();
        Array.Reverse(impostorAscending);
        int below = 0, equalEnd = 0;
        foreach (var g in genuineAscending)
        {
            while (below < impostorAscending.Length && impostorAscending[below] < g)
            {
                below++;
            }

            equalEnd = Math.Max(equalEnd, below);
            while (equalEnd < impostorAscending.Length && impostorAscending[equalEnd] == g)
            {
                equalEnd++;
            }

            wins += below + ((equalEnd - below) / 2.0);
        }

        return wins / ((double)genuineAscending.Length * impostorAscending.Length);
    }

    private static TarAtFar TarAt(double far, float[] genuineAscending, float[] impostorDescending)
    {
        // Allow k false accepts; the threshold sits just above the (k+1)-th highest impostor.
        var k = (int)Math.Floor(far * impostorDescending.Length);
        var threshold = k < impostorDescending.Length ? MathF.BitIncrement(impostorDescending[k]) : float.MinValue;
        var accepted = genuineAscending.Count(g => g >= threshold);
        return new TarAtFar(far, (double)accepted / genuineAscending.Length, threshold);
    }
}
