namespace FacePortal.Shared.OpenSet;

/// <summary>
/// The highest impostor scores of one probe face (or of many pooled) out of <see cref="Total"/>: how often one
/// comparison with another person reaches a similarity. Inside the kept scores it counts; above the
/// <see cref="FitSize"/>-th highest it follows an exponential fitted to them (a peaks-over-threshold fit),
/// which is how a few hundred thousand pairs speak for the millions a large gallery makes. Without a fit
/// (<see cref="FitSize"/> 0) nothing above the highest score is expected.
/// </summary>
public sealed class ScoreTail
{
    public ScoreTail(float[] top, long total, int fitSize)
    {
        ArgumentNullException.ThrowIfNull(top);
        if (top.Length == 0 || total < top.Length)
        {
            throw new ArgumentException($"A tail needs at least one score and no more scores than its total ({total}).", nameof(top));
        }

        Top = [.. top.OrderDescending()];
        Total = total;
        FitSize = Math.Min(fitSize, Top.Length);
        if (FitSize >= 2)
        {
            Anchor = Top[FitSize - 1];
            double excess = 0;
            for (var i = 0; i < FitSize - 1; i++)
            {
                excess += Top[i] - Anchor;
            }

            // A floor keeps ties from making a zero-width tail.
            Scale = (float)Math.Max(excess / (FitSize - 1), 0.002);
        }
    }

    /// <summary>The kept scores, highest first.</summary>
    public float[] Top { get; }

    /// <summary>How many impostor comparisons the kept scores are the top of.</summary>
    public long Total { get; }

    /// <summary>Scores the exponential is fitted to; 0 for counting only.</summary>
    public int FitSize { get; }

    private float Anchor { get; }

    private float Scale { get; }

    /// <summary>The probability that one comparison with another person scores at least <paramref name="similarity"/>.</summary>
    public double Exceedance(float similarity)
    {
        if (FitSize >= 2 && similarity >= Anchor)
        {
            return FitSize / (double)Total * Math.Exp((Anchor - similarity) / Scale);
        }

        // Scores are highest first: count those at or above the similarity.
        int low = 0, high = Top.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Top[mid] >= similarity)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low / (double)Total;
    }

    /// <summary>
    /// The probability that at least one of <paramref name="comparisons"/> other people scores at least
    /// <paramref name="similarity"/>, comparisons independent given the probe.
    /// </summary>
    public double FalseMatchRate(float similarity, int comparisons)
    {
        var p = Exceedance(similarity);
        return p >= 1 ? 1 : -double.ExpM1(comparisons * double.LogP1(-p));
    }
}
