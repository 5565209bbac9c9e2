namespace FacePortal.Shared.Analysis;

/// <summary>How well a clustering agrees with known labels (the people).</summary>
public static class ClusterAgreement
{
    /// <summary>The share of rows whose cluster's most common label is their own label: 1 when every cluster is one person.</summary>
    public static double Purity(IReadOnlyList<int> clusters, IReadOnlyList<int> labels)
    {
        var table = Contingency(clusters, labels);
        var majority = table.GroupBy(cell => cell.Key.Cluster).Sum(g => g.Max(cell => cell.Value));
        return clusters.Count == 0 ? 0 : majority / (double)clusters.Count;
    }

    /// <summary>
    /// The adjusted Rand index (Hubert and Arabie, 1985): agreement on which pairs share a group, corrected
    /// for chance; 1 for identical partitions, about 0 for random ones, negative for worse than chance.
    /// </summary>
    public static double AdjustedRandIndex(IReadOnlyList<int> clusters, IReadOnlyList<int> labels)
    {
        var table = Contingency(clusters, labels);
        var n = clusters.Count;
        var sumCells = table.Values.Sum(c => Pairs(c));
        var sumClusters = table.GroupBy(c => c.Key.Cluster).Sum(g => Pairs(g.Sum(c => c.Value)));
        var sumLabels = table.GroupBy(c => c.Key.Label).Sum(g => Pairs(g.Sum(c => c.Value)));
        var expected = sumClusters * sumLabels / Pairs(n);
        var maximum = (sumClusters + sumLabels) / 2;
        return maximum - expected == 0 ? 1 : (sumCells - expected) / (maximum - expected);
    }

    private static double Pairs(int count) => count * (count - 1) / 2.0;

    private static Dictionary<(int Cluster, int Label), int> Contingency(IReadOnlyList<int> clusters, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(labels);
        if (clusters.Count != labels.Count)
        {
            throw new ArgumentException($"{clusters.Count} cluster ids but {labels.Count} labels.", nameof(labels));
        }

        var table = new Dictionary<(int, int), int>();
        for (var i = 0; i < clusters.Count; i++)
        {
            var key = (clusters[i], labels[i]);
            table[key] = table.GetValueOrDefault(key) + 1;
        }

        return table;
    }
}
