using System.Numerics;
using FacePortal.Shared.Faces.Geometry;

namespace FacePortal.Shared.Tests.Faces.Geometry;

public sealed class SimilarityTransformTests
{
    private static readonly Vector2[] Points = [new(10, 20), new(60, 22), new(35, 45), new(15, 70), new(58, 69)];

    [Theory]
    [InlineData(1.0f, 0f, 0f, 0f)]
    [InlineData(0.5f, 30f, 12f, -7f)]
    [InlineData(2.3f, -75f, -40f, 100f)]
    [InlineData(0.8f, 179f, 3f, 3f)]
    public void Recovers_a_known_transform_exactly(float scale, float degrees, float tx, float ty)
    {
        var radians = degrees * MathF.PI / 180;
        var known = new SimilarityTransform(scale * MathF.Cos(radians), scale * MathF.Sin(radians), tx, ty);
        var target = Points.Select(known.Apply).ToArray();

        var estimated = SimilarityTransform.Estimate(Points, target);

        Assert.Equal(known.A, estimated.A, 4);
        Assert.Equal(known.B, estimated.B, 4);
        Assert.Equal(known.Tx, estimated.Tx, 2);
        Assert.Equal(known.Ty, estimated.Ty, 2);
        Assert.Equal(scale, estimated.Scale, 4);
    }

    [Fact]
    public void With_noise_it_is_the_least_squares_fit()
    {
        var known = new SimilarityTransform(1.2f, 0.3f, 5, -2);
        var noise = new Vector2[] { new(0.5f, -0.3f), new(-0.4f, 0.2f), new(0.1f, 0.6f), new(-0.3f, -0.4f), new(0.2f, 0.1f) };
        var target = Points.Select((p, i) => known.Apply(p) + noise[i]).ToArray();

        var fit = SimilarityTransform.Estimate(Points, target);

        // Any small change to the fit must not reduce the squared error.
        var best = Error(fit, target);
        foreach (var delta in new[] { 1e-3f, -1e-3f })
        {
            Assert.True(Error(fit with { A = fit.A + delta }, target) >= best);
            Assert.True(Error(fit with { B = fit.B + delta }, target) >= best);
            Assert.True(Error(fit with { Tx = fit.Tx + (delta * 100) }, target) >= best);
            Assert.True(Error(fit with { Ty = fit.Ty + (delta * 100) }, target) >= best);
        }
    }

    [Fact]
    public void Identical_points_are_refused()
    {
        Vector2[] same = [new(1, 1), new(1, 1), new(1, 1)];
        Assert.Throws<ArgumentException>(() => SimilarityTransform.Estimate(same, Points.AsSpan(0, 3)));
    }

    private static double Error(SimilarityTransform t, Vector2[] target) =>
        Points.Select((p, i) => (double)Vector2.DistanceSquared(t.Apply(p), target[i])).Sum();
}
