using FacePortal.Shared.Analysis;

namespace FacePortal.Shared.Tests.Analysis;

public sealed class ClusteringTests
{
    [Fact]
    public void K_means_gives_the_same_clusters_for_the_same_seed_and_recovers_separable_ones()
    {
        var (data, labels) = Blobs.Make(people: 4, perPerson: 25, dimensions: 16, spread: 0.2f, seed: 11);

        var first = KMeans.Run(data, 4, seed: 7);
        var again = KMeans.Run(data, 4, seed: 7);

        Assert.Equal(first.Assignments, again.Assignments);
        Assert.Equal(first.Inertia, again.Inertia);
        Assert.Equal(1.0, ClusterAgreement.AdjustedRandIndex(first.Assignments, labels), 10);
        Assert.Equal(1.0, ClusterAgreement.Purity(first.Assignments, labels), 10);
        Assert.True(KMeans.Run(data, 8, seed: 7).Inertia < first.Inertia);
    }

    [Fact]
    public void Silhouette_matches_a_hand_computed_case()
    {
        // 1-d points 0, 1 | 4, 5. For 0: a = 1, b = (4 + 5) / 2 = 4.5, s = 3.5 / 4.5 = 7/9; for 1: a = 1,
        // b = 3.5, s = 5/7; the other cluster mirrors it. Mean = (7/9 + 5/7) / 2 = 47/63.
        var data = VectorSet.FromRows([[0f], [1f], [4f], [5f]]);

        var silhouette = new Silhouette(data, [0, 1, 2, 3]);

        Assert.Equal(47.0 / 63, silhouette.Mean([0, 0, 1, 1]), 6);
        Assert.Equal(0, silhouette.Mean([0, 0, 0, 0]));
    }

    [Fact]
    public void Silhouette_gives_zero_to_a_face_alone_in_its_cluster()
    {
        // 0 alone scores 0; 4 and 5: a = 1, b = 4 and 5, s = 3/4 and 4/5. Mean over three = (0.75 + 0.8) / 3.
        var data = VectorSet.FromRows([[0f], [4f], [5f]]);

        Assert.Equal(1.55 / 3, new Silhouette(data, [0, 1, 2]).Mean([0, 1, 1]), 6);
    }

    [Theory]
    // scikit-learn's documented examples of adjusted_rand_score.
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 0, 0, 1, 1 }, 1.0)]
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 1, 1, 0, 0 }, 1.0)]
    [InlineData(new[] { 0, 0, 1, 2 }, new[] { 0, 0, 1, 1 }, 0.5714285714285715)]
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 0, 0, 1, 2 }, 0.5714285714285715)]
    [InlineData(new[] { 0, 0, 0, 0 }, new[] { 0, 1, 2, 3 }, 0.0)]
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 0, 1, 0, 1 }, -0.5)]
    public void Adjusted_rand_index_matches_published_values(int[] clusters, int[] labels, double expected) =>
        Assert.Equal(expected, ClusterAgreement.AdjustedRandIndex(clusters, labels), 10);

    [Fact]
    public void Purity_counts_each_clusters_majority_person()
    {
        Assert.Equal(0.75, ClusterAgreement.Purity([0, 0, 1, 1], [0, 0, 1, 2]));
        Assert.Equal(0.5, ClusterAgreement.Purity([0, 0, 0, 0], [0, 0, 1, 1]));
    }

    [Fact]
    public void The_elbow_is_the_k_farthest_below_the_line_from_first_to_last()
    {
        double[] inertias = [100, 40, 20, 17, 15, 14];
        var sweep = inertias.Select((inertia, i) => new KSweepPoint(i + 2, inertia, 0, 0, 0)).ToList();

        Assert.Equal(4, EmbeddingSurvey.Elbow(sweep));
    }
}
