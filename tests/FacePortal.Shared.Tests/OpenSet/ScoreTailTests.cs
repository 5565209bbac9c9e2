using FacePortal.Shared.OpenSet;

namespace FacePortal.Shared.Tests.OpenSet;

public sealed class ScoreTailTests
{
    [Fact]
    public void Counts_the_kept_scores_at_or_above_a_similarity()
    {
        var tail = new ScoreTail([0.5f, 0.4f, 0.3f, 0.2f], total: 100, fitSize: 0);

        Assert.Equal(0.02, tail.Exceedance(0.4f), 6);
        Assert.Equal(0.03, tail.Exceedance(0.25f), 6);
        Assert.Equal(0.0, tail.Exceedance(0.6f));
    }

    [Fact]
    public void Beyond_the_fitted_scores_the_rate_falls_exponentially_and_never_reaches_zero()
    {
        var scores = Enumerable.Range(0, 200).Select(i => 0.3f + (i * 0.001f)).ToArray();
        var tail = new ScoreTail(scores, total: 100_000, fitSize: 100);

        var atTop = tail.Exceedance(0.5f);
        var further = tail.Exceedance(0.6f);
        var furthest = tail.Exceedance(0.8f);

        Assert.True(atTop > further && further > furthest, $"{atTop} > {further} > {furthest}");
        Assert.True(furthest > 0);
        Assert.True(atTop < 100 / 100_000.0);
    }

    [Fact]
    public void More_comparisons_name_more_strangers_at_the_same_threshold()
    {
        var tail = new ScoreTail([0.5f, 0.45f, 0.4f, 0.35f, 0.3f], total: 10_000, fitSize: 0);

        var one = tail.FalseMatchRate(0.4f, 1);
        var thousand = tail.FalseMatchRate(0.4f, 1000);

        Assert.Equal(3 / 10_000.0, one, 8);
        Assert.Equal(1 - Math.Pow(1 - (3 / 10_000.0), 1000), thousand, 8);
    }

    [Fact]
    public void Refuses_an_empty_tail()
    {
        Assert.Throws<ArgumentException>(() => new ScoreTail([], 10, 0));
        Assert.Throws<ArgumentException>(() => new ScoreTail([0.1f, 0.2f], 1, 0));
    }
}
