using FacePortal.Shared.OpenSet;

namespace FacePortal.Shared.Tests.OpenSet;

/// <summary>The threshold a rate gives, from the impostor statistics shipped with the build.</summary>
public sealed class OperatingPointCalculatorTests
{
    private static readonly OperatingPointCalculator Calculator = new(ImpostorStatistics.Shipped.ToProfile(), GalleryStatisticsWeighting.Default);

    [Fact]
    public void The_threshold_rises_as_more_people_are_enrolled_and_keeps_the_stated_rate()
    {
        int[] sizes = [1, 10, 100, 1_000, 10_000];
        var points = sizes.Select(n => Calculator.Compute(0.01, n, n)).ToList();

        for (var i = 1; i < points.Count; i++)
        {
            Assert.True(points[i].Threshold > points[i - 1].Threshold, $"{sizes[i - 1]} people: {points[i - 1].Threshold}, {sizes[i]} people: {points[i].Threshold}");
        }

        Assert.All(points, p => Assert.InRange(p.ExpectedFalseMatchRate, 0, 0.01));
        Assert.All(points, p => Assert.Equal(OperatingPointBasis.ModelStatistics, p.Basis));
        Assert.Equal("named at a 1% false-match rate for 1,000 people", points[3].Describe());
    }

    [Fact]
    public void A_stricter_rate_gives_a_higher_threshold_and_a_fixed_threshold_states_what_it_costs()
    {
        var loose = Calculator.Compute(0.01, 16, 16);
        var strict = Calculator.Compute(0.001, 16, 16);
        Assert.True(strict.Threshold > loose.Threshold, $"1%: {loose.Threshold}, 0.1%: {strict.Threshold}");

        var fixedAt = Calculator.Compute(0.01, 16, 16, fixedThreshold: loose.Threshold - 0.1f);
        Assert.Equal(OperatingPointBasis.FixedThreshold, fixedAt.Basis);
        Assert.True(fixedAt.ExpectedFalseMatchRate > 0.01, $"a lower fixed threshold names more strangers: {fixedAt.ExpectedFalseMatchRate}");
    }
}
