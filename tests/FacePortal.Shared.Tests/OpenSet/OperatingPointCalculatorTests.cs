using FacePortal.Shared.OpenSet;

namespace FacePortal.Shared.Tests.OpenSet;

public sealed class OperatingPointCalculatorTests
{
    private static readonly OperatingPointCalculator Shipped = new(ImpostorStatistics.Shipped.ToProfile(), GalleryStatisticsWeighting.Default);

    [Fact]
    public void The_threshold_rises_with_the_gallery_size_and_keeps_the_rate()
    {
        var points = new[] { 1, 10, 100, 1000, 10_000 }.Select(n => Shipped.Compute(0.01, n, n)).ToList();

        for (var i = 1; i < points.Count; i++)
        {
            Assert.True(points[i].Threshold > points[i - 1].Threshold, $"{points[i].People}: {points[i].Threshold} > {points[i - 1].Threshold}");
        }

        Assert.All(points, p =>
        {
            Assert.Equal(OperatingPointBasis.ModelStatistics, p.Basis);
            Assert.InRange(p.ExpectedFalseMatchRate, 0.009, 0.01);
        });
    }

    [Fact]
    public void A_stricter_rate_gives_a_higher_threshold()
    {
        Assert.True(Shipped.Compute(0.001, 100, 100).Threshold > Shipped.Compute(0.01, 100, 100).Threshold);
    }

    [Fact]
    public void A_fixed_threshold_is_kept_and_says_what_it_costs()
    {
        var small = Shipped.Compute(0.01, 10, 10, fixedThreshold: 0.40f);
        var large = Shipped.Compute(0.01, 1600, 1600, fixedThreshold: 0.40f);

        Assert.Equal(0.40f, small.Threshold);
        Assert.Equal(OperatingPointBasis.FixedThreshold, large.Basis);
        Assert.True(large.ExpectedFalseMatchRate > 0.1, $"0.40 with 1,600 people names {large.ExpectedFalseMatchRate:P1} of strangers");
        Assert.Contains("fixed threshold 0.400", large.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_gallery_follows_its_own_statistics()
    {
        // The gallery's own tails: every probe's nearest other person at 0.30 or below.
        var gallery = new ImpostorProfile(Enumerable.Range(0, 600).Select(_ => new ScoreTail([0.30f, 0.2f, 0.1f], 599, 0)).ToList());

        var point = Shipped.Compute(0.01, 600, 600, gallery);

        Assert.Equal(OperatingPointBasis.GalleryStatistics, point.Basis);
        Assert.Equal(1.0, point.GalleryWeight);
        Assert.InRange(point.Threshold, 0.30f, 0.3001f);
        Assert.Equal("named at a 1% false-match rate for 600 people", point.Describe());
    }

    [Fact]
    public void A_one_to_one_point_speaks_of_one_comparison()
    {
        var point = Shipped.Compute(0.01, 1, 1) with { OneToOne = true };

        Assert.Equal("decided at a 1% false-match rate for one comparison (1:1)", point.Describe());
    }

    [Fact]
    public void Below_the_first_size_the_gallery_does_not_count()
    {
        var gallery = new ImpostorProfile([new ScoreTail([0.9f], 10, 0)]);

        Assert.Equal(OperatingPointBasis.ModelStatistics, Shipped.Compute(0.01, 20, 20, gallery).Basis);
        Assert.Equal(0.5, new GalleryStatisticsWeighting(100, 300).WeightAt(200));
    }
}
