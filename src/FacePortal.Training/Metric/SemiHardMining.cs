namespace FacePortal.Training.Metric;

/// <summary>An anchor, a face of the same person and a face of someone else (row indices of a batch).</summary>
/// <param name="SemiHard">The negative is farther than the positive but within the margin: the case the loss learns most from.</param>
public readonly record struct Triplet(int Anchor, int Positive, int Negative, bool SemiHard);

/// <summary>
/// Online semi-hard negative mining (FaceNet; the rule of TensorFlow Addons' triplet_semihard_loss):
/// for every anchor-positive pair of a batch, the negative is the closest one that is still farther
/// than the positive (semi-hard when that is within the margin); when every negative is closer than
/// the positive, the farthest of them, so training never starts from the hardest, noisiest triplets.
/// </summary>
public static class SemiHardMining
{
    /// <param name="distances">Squared distances, n x n row-major, of the batch's n rows.</param>
    public static IReadOnlyList<Triplet> Mine(ReadOnlySpan<float> distances, IReadOnlyList<int> labels, float margin)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var n = labels.Count;
        if (distances.Length != n * n)
        {
            throw new ArgumentException($"A batch of {n} needs {n * n} distances; there are {distances.Length}.", nameof(distances));
        }

        var triplets = new List<Triplet>();
        for (var a = 0; a < n; a++)
        {
            var row = distances.Slice(a * n, n);
            for (var p = 0; p < n; p++)
            {
                if (p == a || labels[p] != labels[a])
                {
                    continue;
                }

                var positive = row[p];
                int outside = -1, inside = -1;
                for (var candidate = 0; candidate < n; candidate++)
                {
                    if (labels[candidate] == labels[a])
                    {
                        continue;
                    }

                    var d = row[candidate];
                    if (d > positive)
                    {
                        if (outside < 0 || d < row[outside])
                        {
                            outside = candidate;
                        }
                    }
                    else if (inside < 0 || d > row[inside])
                    {
                        inside = candidate;
                    }
                }

                if (outside >= 0)
                {
                    triplets.Add(new Triplet(a, p, outside, row[outside] < positive + margin));
                }
                else if (inside >= 0)
                {
                    triplets.Add(new Triplet(a, p, inside, false));
                }
            }
        }

        return triplets;
    }
}
