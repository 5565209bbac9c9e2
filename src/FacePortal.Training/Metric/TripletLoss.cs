using static TorchSharp.torch;

namespace FacePortal.Training.Metric;

/// <summary>A batch's triplet loss and how many of its mined triplets were already in the right order.</summary>
public sealed record TripletBatchLoss(Tensor Loss, int Triplets, int Ordered, int SemiHard);

/// <summary>
/// Triplet loss with online semi-hard mining on a batch of unit-length embeddings: the mean over
/// every anchor-positive pair of max(0, d(a, p) - d(a, n) + margin), d the squared Euclidean
/// distance (2 - 2 cos). Mining reads the distances without gradient; the loss gathers the chosen
/// entries from the same distance matrix, so gradients flow through both sides of each triplet.
/// </summary>
public static class TripletLoss
{
    /// <summary>Null when the batch has no anchor-positive pair or no negative.</summary>
    public static TripletBatchLoss? Compute(Tensor embeddings, IReadOnlyList<int> labels, double margin)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(labels);
        var n = labels.Count;
        // Every Scalar is a local until its calls return, and every call names its alpha (see ParameterUpdate).
        using var one = 1f.ToScalar();
        using var minusOne = (-1f).ToScalar();
        using var two = 2f.ToScalar();
        using var minusTwo = (-2f).ToScalar();
        using var zero = 0f.ToScalar();
        using var marginScalar = ((float)margin).ToScalar();
        var distances = embeddings.mm(embeddings.t()).mul(minusTwo).add(two, one).clamp_min(zero);
        float[] values;
        using (torch.no_grad())
        {
            using var copy = distances.detach().cpu();
            values = copy.data<float>().ToArray();
        }

        var triplets = SemiHardMining.Mine(values, labels, (float)margin);
        if (triplets.Count == 0)
        {
            return null;
        }

        var flat = distances.reshape(-1);
        var positive = flat.index_select(0, torch.tensor(triplets.Select(t => (long)((t.Anchor * n) + t.Positive)).ToArray()));
        var negative = flat.index_select(0, torch.tensor(triplets.Select(t => (long)((t.Anchor * n) + t.Negative)).ToArray()));
        var loss = nn.functional.relu(positive.add(negative, minusOne).add(marginScalar, one)).mean();
        var ordered = triplets.Count(t => values[(t.Anchor * n) + t.Negative] > values[(t.Anchor * n) + t.Positive]);
        return new TripletBatchLoss(loss, triplets.Count, ordered, triplets.Count(t => t.SemiHard));
    }
}
