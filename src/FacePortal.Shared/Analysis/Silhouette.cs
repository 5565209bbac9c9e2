namespace FacePortal.Shared.Analysis;

/// <summary>
/// The mean silhouette (Rousseeuw, 1987) over a fixed set of rows: for each row, a = mean distance to the
/// rest of its cluster, b = the lowest mean distance to another cluster, s = (b - a) / max(a, b), and 0 for
/// a row alone in its cluster. The pairwise (Euclidean) distances are computed once, so scoring many
/// clusterings of the same rows is cheap.
/// </summary>
public sealed class Silhouette
{
    private readonly float[] _distances;

    public Silhouette(VectorSet data, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rows);
        Rows = rows;
        var m = rows.Count;
        _distances = new float[m * m];
        Parallel.For(0, m, i =>
        {
            for (var j = i + 1; j < m; j++)
            {
                var distance = TensorPrimitives.Distance(data[rows[i]], data[rows[j]]);
                _distances[(i * m) + j] = distance;
                _distances[(j * m) + i] = distance;
            }
        });
    }

    /// <summary>The rows scored: all of them, or a sample.</summary>
    public IReadOnlyList<int> Rows { get; }

    /// <summary>Every row when there are at most <paramref name="limit"/>, else a seeded random sample of that many (in row order).</summary>
    public static IReadOnlyList<int> Sample(int count, int limit, int seed)
    {
        if (count <= limit)
        {
            return Enumerable.Range(0, count).ToArray();
        }

        var rows = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(rows);
        var chosen = rows[..limit];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>The mean silhouette of the sampled rows under <paramref name="assignments"/> (one cluster id per row of the whole set).</summary>
    public double Mean(IReadOnlyList<int> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var m = Rows.Count;
        var clusters = Rows.Select(r => assignments[r]).ToArray();
        var ids = clusters.Distinct().Order().ToArray();
        if (ids.Length < 2 || m == 0)
        {
            return 0;
        }

        var slotOf = ids.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        var slot = clusters.Select(c => slotOf[c]).ToArray();
        var sizes = new int[ids.Length];
        foreach (var s in slot)
        {
            sizes[s]++;
        }

        var total = 0.0;
        var sums = new double[ids.Length];
        for (var i = 0; i < m; i++)
        {
            Array.Clear(sums);
            var row = _distances.AsSpan(i * m, m);
            for (var j = 0; j < m; j++)
            {
                sums[slot[j]] += row[j];
            }

            var own = slot[i];
            if (sizes[own] == 1)
            {
                continue;
            }

            var a = sums[own] / (sizes[own] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < ids.Length; c++)
            {
                if (c != own && sizes[c] > 0)
                {
                    b = Math.Min(b, sums[c] / sizes[c]);
                }
            }

            var largest = Math.Max(a, b);
            total += largest > 0 ? (b - a) / largest : 0;
        }

        return total / m;
    }
}
