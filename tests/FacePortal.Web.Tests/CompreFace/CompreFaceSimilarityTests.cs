using FacePortal.Web.CompreFace;

namespace FacePortal.Web.Tests.CompreFace;

/// <summary>The one map from FacePortal's cosine to CompreFace's similarity: monotone, 0.5 at the operating point, near 0 and 1 far from it.</summary>
public sealed class CompreFaceSimilarityTests
{
    public static TheoryData<float> Thresholds => new() { -0.5f, 0f, 0.2f, 0.3512f, 0.45f, 0.7f, 0.95f };

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void The_operating_point_maps_to_half_and_a_cosine_far_from_it_near_0_or_1(float threshold)
    {
        Assert.Equal(0.5f, CompreFaceSimilarity.Of(threshold, threshold));
        Assert.InRange(CompreFaceSimilarity.Of(threshold - 0.5f, threshold), 0f, 0.01f);
        Assert.InRange(CompreFaceSimilarity.Of(Math.Min(1f, threshold + 0.5f), threshold), threshold + 0.5f <= 1 ? 0.99f : 0.6f, 1f);
        Assert.Equal(CompreFaceSimilarity.Of(-1f, threshold), CompreFaceSimilarity.Of(float.NaN, threshold));
    }

    [Fact]
    public void Double_take_s_undecided_band_is_the_edge_of_the_threshold_and_085_a_clear_margin_above_it()
    {
        const float t = 0.35f;

        Assert.InRange(CompreFaceSimilarity.Of(t + 0.03f, t), 0.5f, 0.6f);
        Assert.True(CompreFaceSimilarity.Of(t + 0.04f, t) >= 0.6f);
        Assert.InRange(CompreFaceSimilarity.Of(t - 0.03f, t), 0.4f, 0.5f);
        Assert.True(CompreFaceSimilarity.Of(t - 0.04f, t) < 0.4f);
        Assert.True(CompreFaceSimilarity.Of(t + 0.14f, t) < 0.85f);
        Assert.True(CompreFaceSimilarity.Of(t + 0.15f, t) >= 0.85f);
    }

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void The_map_never_decreases_and_everything_below_the_threshold_stays_below_half(float threshold)
    {
        var previous = -1f;
        var rises = 0;
        for (var cosine = -1.0; cosine <= 1.0; cosine += 0.0005)
        {
            var value = CompreFaceSimilarity.Of((float)cosine, threshold);
            Assert.True(value >= previous, $"f({cosine}) = {value} < {previous}");
            Assert.Equal((float)cosine >= threshold, value >= 0.5f);
            rises += value > previous ? 1 : 0;
            previous = value;
        }

        // Near the threshold it rises at every step (5 decimals resolve it), not only in flat saturated tails.
        Assert.True(rises > 500, $"{rises} rises");

        // Just under the threshold, where rounding to CompreFace's 5 decimals could reach 0.5.
        Assert.True(CompreFaceSimilarity.Of(MathF.BitDecrement(threshold), threshold) < 0.5f);
    }

    [Fact]
    public void A_candidate_facePortal_did_not_name_is_reported_below_half_however_close()
    {
        Assert.True(CompreFaceSimilarity.Reported(0.9f, 0.35f, named: false) < 0.5f);
        Assert.Equal(CompreFaceSimilarity.Of(0.9f, 0.35f), CompreFaceSimilarity.Reported(0.9f, 0.35f, named: true));
        Assert.Equal(CompreFaceSimilarity.Of(0.1f, 0.35f), CompreFaceSimilarity.Reported(0.1f, 0.35f, named: false));
    }

    [Fact]
    public void A_threshold_outside_the_cosine_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CompreFaceSimilarity.Of(0.5f, 1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => CompreFaceSimilarity.Of(0.5f, float.NaN));
    }
}
