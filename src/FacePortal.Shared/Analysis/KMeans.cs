namespace FacePortal.Shared.Analysis;

/// <summary>One K-means clustering: each row's cluster, the centroids and the inertia (sum of squared distances to them).</summary>
public sealed record KMeansResult(int K, int[] Assignments, float[][] Centroids, double Inertia, int Iterations);

/// <summary>
/// Lloyd's K-means with k-means++ seeding. Everything random comes from one seeded generator and the
/// updates run in row order, so a seed gives the same clusters on every run and machine. It stops when an
/// assignment pass moves at most one row in a thousand (the centroids hardly move after that; a sweep over
/// many k at 10,000 faces cannot afford the long tail of single-row moves) or after the iteration limit.
/// </summary>
public static class KMeans
{
    /// <summary>The best (lowest inertia) of <paramref name="restarts"/> runs from different k-means++ seedings.</summary>
    public static KMeansResult Best(VectorSet data, int k, int seed, int restarts, int maxIterations = 50)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(restarts, 1);
        var best = Run(data, k, seed, maxIterations);
        for (var r = 1; r < restarts; r++)
        {
            var next = Run(data, k, seed + (7919 * r), maxIterations);
            if (next.Inertia < best.Inertia)
            {
                best = next;
            }
        }

        return best;
    }

    public static KMeansResult Run(VectorSet data, int k, int seed, int maxIterations = 50)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, data.Count);
        var random = new Random(seed);
        var centroids = PlusPlusSeeds(data, k, random);
        var assignments = new int[data.Count];
        Array.Fill(assignments, -1);
        var iterations = 0;
        var inertia = 0.0;
        while (iterations < maxIterations)
        {
            iterations++;
            var (changed, total) = Assign(data, centroids, assignments);
            inertia = total;
            if (changed <= data.Count / 1000)
            {
                break;
            }

            Update(data, centroids, assignments, random);
        }

        return new KMeansResult(k, assignments, centroids, inertia, iterations);
    }

    /// <summary>k-means++: each next centre is a row drawn with probability proportional to its squared distance to the nearest centre so far.</summary>
    private static float[][] PlusPlusSeeds(VectorSet data, int k, Random random)
    {
        var centroids = new float[k][];
        centroids[0] = data[random.Next(data.Count)].ToArray();
        var nearest = new double[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            nearest[i] = TensorPrimitives.Distance(data[i], centroids[0]);
            nearest[i] *= nearest[i];
        }

        for (var c = 1; c < k; c++)
        {
            var sum = nearest.Sum();
            var chosen = data.Count - 1;
            if (sum > 0)
            {
                var target = random.NextDouble() * sum;
                for (var i = 0; i < data.Count; i++)
                {
                    target -= nearest[i];
                    if (target < 0)
                    {
                        chosen = i;
                        break;
                    }
                }
            }
            else
            {
                chosen = random.Next(data.Count);
            }

            centroids[c] = data[chosen].ToArray();
            for (var i = 0; i < data.Count; i++)
            {
                var distance = (double)TensorPrimitives.Distance(data[i], centroids[c]);
                nearest[i] = Math.Min(nearest[i], distance * distance);
            }
        }

        return centroids;
    }

    private static (int Changed, double Inertia) Assign(VectorSet data, float[][] centroids, int[] assignments)
    {
        var changed = 0;
        var inertia = 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            var (best, distance) = Nearest(data[i], centroids);
            inertia += distance;
            if (assignments[i] != best)
            {
                assignments[i] = best;
                changed++;
            }
        }

        return (changed, inertia);
    }

    /// <summary>The nearest centroid and the squared distance to it; ties go to the lower index.</summary>
    public static (int Index, double SquaredDistance) Nearest(ReadOnlySpan<float> row, float[][] centroids)
    {
        ArgumentNullException.ThrowIfNull(centroids);
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var c = 0; c < centroids.Length; c++)
        {
            var distance = (double)TensorPrimitives.Distance(row, centroids[c]);
            distance *= distance;
            if (distance < bestDistance)
            {
                (best, bestDistance) = (c, distance);
            }
        }

        return (best, bestDistance);
    }

    private static void Update(VectorSet data, float[][] centroids, int[] assignments, Random random)
    {
        var counts = new int[centroids.Length];
        foreach (var centroid in centroids)
        {
            Array.Clear(centroid);
        }

        for (var i = 0; i < data.Count; i++)
        {
            TensorPrimitives.Add(centroids[assignments[i]], data[i], centroids[assignments[i]]);
            counts[assignments[i]]++;
        }

        for (var c = 0; c < centroids.Length; c++)
        {
            if (counts[c] > 0)
            {
                TensorPrimitives.Divide(centroids[c], counts[c], centroids[c]);
            }
            else
            {
                // An empty cluster restarts on a random row rather than sitting at the origin.
                data[random.Next(data.Count)].CopyTo(centroids[c]);
            }
        }
    }
}
