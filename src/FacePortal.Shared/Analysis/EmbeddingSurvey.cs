using System.Collections.Concurrent;

namespace FacePortal.Shared.Analysis;

/// <summary>
/// Looks over a labelled set of embeddings the way the lab shows it: a PCA projection, a K-means sweep
/// with inertia, silhouette, purity and ARI, how alike the people's templates are, likely mislabels,
/// near-duplicates and low-quality faces. The same inputs and seed give the same report.
/// </summary>
public static class EmbeddingSurvey
{
    public static SurveyReport Run(IReadOnlyList<SurveyFace> faces, int people, SurveyOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(faces);
        options ??= new SurveyOptions();
        var empty = new SurveyReport(null, [], null, null, [], [], [], [], new SurveyTimings(0, 0, 0));
        if (faces.Count == 0)
        {
            return empty;
        }

        var data = Normalised(faces);
        var labels = faces.Select(f => f.Person).ToArray();
        var clock = Stopwatch.StartNew();
        var projection = faces.Count >= 2 ? PrincipalComponents.Fit(data) : null;
        var projectionTime = clock.Elapsed.TotalMilliseconds;
        cancellationToken.ThrowIfCancellationRequested();

        clock.Restart();
        var sweep = Sweep(data, labels, people, options, cancellationToken);
        var clusteringTime = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var sums = PersonSums(data, labels, people);
        var pairs = ClosestPairs(sums, options.MaxPairs);
        var mislabels = Mislabels(data, labels, sums, options.MislabelMargin);
        cancellationToken.ThrowIfCancellationRequested();
        var duplicates = Duplicates(data, labels, options.DuplicateSimilarity, options.MaxDuplicates, cancellationToken);
        var lowQuality = faces
            .Select((f, i) => f.Quality is null ? null : new LowQualityFace(i, options.Quality.Problems(f.Quality)))
            .OfType<LowQualityFace>()
            .Where(f => f.Problems.Count > 0)
            .ToList();
        var similarityTime = clock.Elapsed.TotalMilliseconds;

        return new SurveyReport(
            projection,
            sweep,
            sweep.Count == 0 ? null : sweep.MaxBy(p => p.Silhouette)!.K,
            Elbow(sweep),
            pairs,
            mislabels,
            duplicates,
            lowQuality,
            new SurveyTimings(projectionTime, clusteringTime, similarityTime));
    }

    /// <summary>2..max k: one and a half times the people (at least 10), at most <see cref="SurveyOptions.MaxK"/> and below the number of faces.</summary>
    public static int MaxK(int faces, int people, SurveyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Math.Min(Math.Min(options.MaxK, Math.Max(10, people + (people / 2))), faces - 1);
    }

    private static VectorSet Normalised(IReadOnlyList<SurveyFace> faces)
    {
        var dimensions = faces[0].Embedding.Length;
        var values = new float[faces.Count * dimensions];
        for (var i = 0; i < faces.Count; i++)
        {
            var row = values.AsSpan(i * dimensions, dimensions);
            faces[i].Embedding.CopyTo(row);
            var norm = TensorPrimitives.Norm(row);
            if (norm > 0)
            {
                TensorPrimitives.Divide(row, norm, row);
            }
        }

        return new VectorSet(values, dimensions);
    }

    private static List<KSweepPoint> Sweep(VectorSet data, int[] labels, int people, SurveyOptions options, CancellationToken cancellationToken)
    {
        var maxK = MaxK(data.Count, people, options);
        if (maxK < 2)
        {
            return [];
        }

        var fitRows = Silhouette.Sample(data.Count, options.KMeansSample, options.Seed);
        var fitData = fitRows.Count == data.Count ? data : Subset(data, fitRows);
        var silhouette = new Silhouette(data, Silhouette.Sample(data.Count, options.SilhouetteSample, options.Seed + 1));
        var points = new KSweepPoint[maxK - 1];
        Parallel.For(2, maxK + 1, new ParallelOptions { CancellationToken = cancellationToken }, k =>
        {
            var fit = KMeans.Best(fitData, k, options.Seed + k, options.KMeansRestarts);
            var assignments = fitData == data ? fit.Assignments : new int[data.Count];
            var inertia = fit.Inertia;
            if (fitData != data)
            {
                inertia = 0;
                for (var i = 0; i < data.Count; i++)
                {
                    var (cluster, distance) = KMeans.Nearest(data[i], fit.Centroids);
                    assignments[i] = cluster;
                    inertia += distance;
                }
            }

            points[k - 2] = new KSweepPoint(
                k, inertia, silhouette.Mean(assignments), ClusterAgreement.Purity(assignments, labels), ClusterAgreement.AdjustedRandIndex(assignments, labels));
        });
        return [.. points];
    }

    private static VectorSet Subset(VectorSet data, IReadOnlyList<int> rows)
    {
        var values = new float[rows.Count * data.Dimensions];
        for (var i = 0; i < rows.Count; i++)
        {
            data[rows[i]].CopyTo(values.AsSpan(i * data.Dimensions, data.Dimensions));
        }

        return new VectorSet(values, data.Dimensions);
    }

    /// <summary>
    /// The knee of the inertia curve (Satopää et al., "Kneedle", 2011): with k and inertia scaled to 0..1,
    /// the k farthest below the straight line from the first point to the last.
    /// </summary>
    public static int? Elbow(IReadOnlyList<KSweepPoint> sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (sweep.Count < 3)
        {
            return sweep.Count == 0 ? null : sweep[0].K;
        }

        var (k0, k1) = (sweep[0].K, sweep[^1].K);
        var (high, low) = (sweep.Max(p => p.Inertia), sweep.Min(p => p.Inertia));
        if (high - low <= 0)
        {
            return k0;
        }

        return sweep.MaxBy(p =>
        {
            var x = (p.K - k0) / (double)(k1 - k0);
            var y = (p.Inertia - low) / (high - low);
            return 1 - x - y;
        })!.K;
    }

    private static float[][] PersonSums(VectorSet data, int[] labels, int people)
    {
        var sums = new float[people][];
        for (var p = 0; p < people; p++)
        {
            sums[p] = new float[data.Dimensions];
        }

        for (var i = 0; i < data.Count; i++)
        {
            TensorPrimitives.Add(sums[labels[i]], data[i], sums[labels[i]]);
        }

        return sums;
    }

    private static float[]? Template(ReadOnlySpan<float> sum)
    {
        var norm = TensorPrimitives.Norm(sum);
        if (norm < 1e-6f)
        {
            return null;
        }

        var template = new float[sum.Length];
        TensorPrimitives.Divide(sum, norm, template);
        return template;
    }

    private static List<PersonPair> ClosestPairs(float[][] sums, int limit)
    {
        var templates = sums.Select(s => Template(s)).ToArray();
        var pairs = new List<PersonPair>();
        for (var a = 0; a < templates.Length; a++)
        {
            for (var b = a + 1; b < templates.Length; b++)
            {
                if (templates[a] is { } ta && templates[b] is { } tb)
                {
                    pairs.Add(new PersonPair(a, b, TensorPrimitives.Dot(ta, tb)));
                }
            }
        }

        return pairs.OrderByDescending(p => p.Similarity).ThenBy(p => p.A).ThenBy(p => p.B).Take(limit).ToList();
    }

    private static List<LikelyMislabel> Mislabels(VectorSet data, int[] labels, float[][] sums, float margin)
    {
        var templates = sums.Select(s => Template(s)).ToArray();
        var counts = new int[sums.Length];
        foreach (var label in labels)
        {
            counts[label]++;
        }

        var found = new ConcurrentBag<LikelyMislabel>();
        Parallel.For(0, data.Count, () => new float[data.Dimensions], (i, _, withoutFace) =>
        {
            var own = labels[i];
            if (counts[own] < 2)
            {
                // A person's only face has no template apart from itself to disagree with.
                return withoutFace;
            }

            TensorPrimitives.Subtract(sums[own], data[i], withoutFace);
            var ownSimilarity = TensorPrimitives.Dot(data[i], withoutFace) / Math.Max(TensorPrimitives.Norm(withoutFace), 1e-6f);
            var (other, otherSimilarity) = (-1, float.NegativeInfinity);
            for (var p = 0; p < templates.Length; p++)
            {
                if (p != own && templates[p] is { } template)
                {
                    var similarity = TensorPrimitives.Dot(data[i], template);
                    if (similarity > otherSimilarity)
                    {
                        (other, otherSimilarity) = (p, similarity);
                    }
                }
            }

            if (other >= 0 && otherSimilarity - ownSimilarity >= margin)
            {
                found.Add(new LikelyMislabel(i, own, ownSimilarity, other, otherSimilarity));
            }

            return withoutFace;
        }, _ => { });
        return found.OrderByDescending(m => m.Margin).ThenBy(m => m.Face).ToList();
    }

    private static List<NearDuplicate> Duplicates(VectorSet data, int[] labels, float threshold, int limit, CancellationToken cancellationToken)
    {
        // All pairs, in blocks of rows: each other row is read once per block and stays in cache while the
        // block's rows are compared with it, rather than the whole set streaming past every row.
        const int Block = 64;
        var found = new ConcurrentBag<NearDuplicate>();
        var blocks = (data.Count + Block - 1) / Block;
        Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellationToken }, block =>
        {
            var start = block * Block;
            var end = Math.Min(start + Block, data.Count);
            for (var j = start + 1; j < data.Count; j++)
            {
                var other = data[j];
                for (var i = start; i < Math.Min(end, j); i++)
                {
                    var similarity = TensorPrimitives.Dot(data[i], other);
                    if (similarity >= threshold)
                    {
                        found.Add(new NearDuplicate(i, j, similarity, labels[i] == labels[j]));
                    }
                }
            }
        });
        return found.OrderByDescending(d => d.Similarity).ThenBy(d => d.A).ThenBy(d => d.B).Take(limit).ToList();
    }
}
