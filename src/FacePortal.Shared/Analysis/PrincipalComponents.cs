namespace FacePortal.Shared.Analysis;

/// <summary>
/// The two principal axes of a set of vectors and every vector projected onto them. <see cref="ExplainedVariance"/>
/// holds each axis' share of the total variance (0..1).
/// </summary>
public sealed record PrincipalComponents(float[] X, float[] Y, double[] ExplainedVariance, float[][] Axes, float[] Mean)
{
    private const int MaxIterations = 1000;
    private const float Tolerance = 1e-6f;

    /// <summary>
    /// Fits by eigen-decomposing the covariance matrix (population, divided by n) with power iteration and
    /// deflation: the d x d covariance is built once (n rank-one updates of its upper triangle), after which
    /// each iteration costs d^2, so 10,000 x 512 takes well under a second. Each axis' sign is fixed so its
    /// largest component is positive, so the picture does not flip between runs.
    /// </summary>
    public static PrincipalComponents Fit(VectorSet data, int axes = 2)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(axes, 1);
        var d = data.Dimensions;
        var n = data.Count;
        var mean = new float[d];
        for (var i = 0; i < n; i++)
        {
            TensorPrimitives.Add(mean, data[i], mean);
        }

        TensorPrimitives.Divide(mean, n, mean);
        var covariance = Covariance(data, mean);
        var total = 0.0;
        for (var i = 0; i < d; i++)
        {
            total += covariance[(i * d) + i];
        }

        var vectors = new float[Math.Min(axes, d)][];
        var explained = new double[vectors.Length];
        for (var a = 0; a < vectors.Length; a++)
        {
            var (vector, value) = LeadingEigenvector(covariance, d, a);
            vectors[a] = vector;
            explained[a] = total > 0 ? Math.Max(0, value) / total : 0;

            // Deflate so the next power iteration finds the next axis.
            for (var i = 0; i < d; i++)
            {
                TensorPrimitives.MultiplyAdd(vector, (float)(-value * vector[i]), covariance.AsSpan(i * d, d), covariance.AsSpan(i * d, d));
            }
        }

        var xs = new float[n];
        var ys = new float[n];
        var centred = new float[d];
        for (var i = 0; i < n; i++)
        {
            TensorPrimitives.Subtract(data[i], mean, centred);
            xs[i] = TensorPrimitives.Dot(centred, vectors[0]);
            ys[i] = vectors.Length > 1 ? TensorPrimitives.Dot(centred, vectors[1]) : 0;
        }

        return new PrincipalComponents(xs, ys, explained, vectors, mean);
    }

    /// <summary>The full symmetric covariance matrix, row-major.</summary>
    private static float[] Covariance(VectorSet data, float[] mean)
    {
        var d = data.Dimensions;
        var covariance = new float[d * d];
        var centred = new float[d];
        for (var r = 0; r < data.Count; r++)
        {
            TensorPrimitives.Subtract(data[r], mean, centred);
            for (var i = 0; i < d; i++)
            {
                var row = covariance.AsSpan((i * d) + i, d - i);
                TensorPrimitives.MultiplyAdd(centred.AsSpan(i), centred[i], row, row);
            }
        }

        for (var i = 0; i < d; i++)
        {
            for (var j = i; j < d; j++)
            {
                var value = covariance[(i * d) + j] / data.Count;
                covariance[(i * d) + j] = value;
                covariance[(j * d) + i] = value;
            }
        }

        return covariance;
    }

    private static (float[] Vector, double Value) LeadingEigenvector(float[] matrix, int d, int seed)
    {
        // A fixed, non-degenerate start keeps the result the same every run.
        var random = new Random(17 + seed);
        var v = new float[d];
        for (var i = 0; i < d; i++)
        {
            v[i] = (float)(random.NextDouble() + 0.5);
        }

        Normalize(v);
        var next = new float[d];
        double value = 0;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            for (var i = 0; i < d; i++)
            {
                next[i] = TensorPrimitives.Dot(matrix.AsSpan(i * d, d), v);
            }

            value = TensorPrimitives.Dot(next, v);
            if (TensorPrimitives.Norm(next) < 1e-20f)
            {
                break;
            }

            Normalize(next);

            // Distance, not 1 - cosine: in single precision the cosine reaches 1 while the vectors still differ.
            var change = TensorPrimitives.Distance(next, v);
            (v, next) = (next, v);
            if (change < Tolerance)
            {
                break;
            }
        }

        if (v[TensorPrimitives.IndexOfMaxMagnitude(v)] < 0)
        {
            TensorPrimitives.Negate(v, v);
        }

        return (v, value);
    }

    private static void Normalize(Span<float> v) => TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
}
