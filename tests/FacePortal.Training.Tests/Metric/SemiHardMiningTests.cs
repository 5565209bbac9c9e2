using FacePortal.Training.Metric;

namespace FacePortal.Training.Tests.Metric;

public sealed class SemiHardMiningTests
{
    [Fact]
    public void Picks_the_closest_negative_farther_than_the_positive_within_the_margin()
    {
        // Rows 0 and 1 are person A; 2..5 are person B. From anchor 0, the positive 1 is at 0.5 and the
        // negatives are hard (2: 0.3), semi-hard (3: 0.6 and 4: 0.65, inside 0.5 + margin 0.2) and easy (5: 1.5).
        int[] labels = [0, 0, 1, 1, 1, 1];
        var distances = Symmetric(6, new()
        {
            [(0, 1)] = 0.5f, [(0, 2)] = 0.3f, [(0, 3)] = 0.6f, [(0, 4)] = 0.65f, [(0, 5)] = 1.5f,
            [(1, 2)] = 1.0f, [(1, 3)] = 1.2f, [(1, 4)] = 1.3f, [(1, 5)] = 2.0f,
        });

        var triplets = SemiHardMining.Mine(distances, labels, margin: 0.2f);

        Assert.Contains(new Triplet(0, 1, 3, SemiHard: true), triplets);

        // From anchor 1 every negative is beyond the margin: the closest of them, which costs nothing.
        Assert.Contains(new Triplet(1, 0, 2, SemiHard: false), triplets);
        Assert.DoesNotContain(triplets, t => t.Anchor == 0 && t.Negative is 2 or 4 or 5);
    }

    [Fact]
    public void When_every_negative_is_closer_than_the_positive_the_farthest_of_them_is_taken()
    {
        int[] labels = [0, 0, 1, 1];
        var distances = Symmetric(4, new() { [(0, 1)] = 1.0f, [(0, 2)] = 0.2f, [(0, 3)] = 0.5f, [(1, 2)] = 0.1f, [(1, 3)] = 0.4f });

        var triplets = SemiHardMining.Mine(distances, labels, margin: 0.2f);

        Assert.Contains(new Triplet(0, 1, 3, SemiHard: false), triplets);
        Assert.Contains(new Triplet(1, 0, 3, SemiHard: false), triplets);
    }

    [Fact]
    public void Every_ordered_anchor_positive_pair_gets_one_triplet()
    {
        int[] labels = [0, 0, 0, 1, 1];
        var distances = Symmetric(5, []);

        var triplets = SemiHardMining.Mine(distances, labels, margin: 0.2f);

        // Person 0: 3 x 2 ordered pairs; person 1: 2 x 1.
        Assert.Equal(8, triplets.Count);
        Assert.All(triplets, t => Assert.True(labels[t.Anchor] == labels[t.Positive] && labels[t.Anchor] != labels[t.Negative] && t.Anchor != t.Positive));
    }

    /// <summary>An n x n distance matrix from the given pairs; pairs not given are 1.</summary>
    private static float[] Symmetric(int n, Dictionary<(int, int), float> pairs)
    {
        var matrix = new float[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                matrix[(i * n) + j] = i == j ? 0 : pairs.TryGetValue((Math.Min(i, j), Math.Max(i, j)), out var d) ? d : 1;
            }
        }

        return matrix;
    }
}
