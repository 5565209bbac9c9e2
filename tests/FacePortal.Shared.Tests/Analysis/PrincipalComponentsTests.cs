using FacePortal.Shared.Analysis;

namespace FacePortal.Shared.Tests.Analysis;

public sealed class PrincipalComponentsTests
{
    [Fact]
    public void Finds_the_axes_and_variance_shares_of_a_hand_computed_case()
    {
        // Four points on two perpendicular diagonals, shifted off the origin: +-2 along u = (1, 1)/sqrt2 and
        // +-1 along w = (1, -1)/sqrt2. Covariance (divided by n = 4) = 2 uu' + 0.5 ww', so the eigenvalues are
        // 2 and 0.5 of a total 2.5: 80 % and 20 %.
        var r = MathF.Sqrt(0.5f);
        float[][] points = [[(2 * r) + 5, (2 * r) - 3], [(-2 * r) + 5, (-2 * r) - 3], [r + 5, -r - 3], [-r + 5, r - 3]];

        var pca = PrincipalComponents.Fit(VectorSet.FromRows(points));

        Assert.Equal(0.8, pca.ExplainedVariance[0], 6);
        Assert.Equal(0.2, pca.ExplainedVariance[1], 6);
        Assert.Equal([5f, -3f], pca.Mean, (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.Equal([r, r], pca.Axes[0], (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.Equal([r, -r], pca.Axes[1], (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.Equal([2f, -2f, 0f, 0f], pca.X, (a, b) => Math.Abs(a - b) < 1e-4);
        Assert.Equal([0f, 0f, 1f, -1f], pca.Y, (a, b) => Math.Abs(a - b) < 1e-4);
    }

    [Fact]
    public void Projects_512_d_embeddings_with_shares_that_never_exceed_the_whole()
    {
        var data = Blobs.Make(people: 6, perPerson: 40, dimensions: 512, spread: 0.3f, seed: 3).Data;

        var pca = PrincipalComponents.Fit(data);

        Assert.Equal(240, pca.X.Length);
        Assert.True(pca.ExplainedVariance[0] >= pca.ExplainedVariance[1]);
        Assert.InRange(pca.ExplainedVariance.Sum(), 0.05, 1.0);
        Assert.Equal(pca, PrincipalComponents.Fit(data), new ProjectionComparer());
    }

    private sealed class ProjectionComparer : IEqualityComparer<PrincipalComponents>
    {
        public bool Equals(PrincipalComponents? x, PrincipalComponents? y) => x!.X.SequenceEqual(y!.X) && x.Y.SequenceEqual(y.Y);

        public int GetHashCode(PrincipalComponents obj) => 0;
    }
}
