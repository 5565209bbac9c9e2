using FacePortal.Web.CompreFace;

namespace FacePortal.Web.Tests.CompreFace;

/// <summary>The one map from FacePortal's cosine to CompreFace's similarity: monotone, 0.5 at the operating point, 0 and 1 at the ends.</summary>
public sealed class CompreFaceSimilarityTests
{
    public static TheoryData<float> Thresholds => new() { -0.5f, 0f, 0.2f, 0.3512f, 0.45f, 0.7f, 0.95f };

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void The_operating_point_maps_to_half_and_the_ends_to_0_and_1(float threshold)
    {
        Assert.Equal(0.5f, CompreFaceSimilarity.Of(threshold, threshold));
        Assert.Equal(0f, CompreFaceSimilarity.Of(-1f, threshold));
        Assert.Equal(1f, CompreFaceSimilarity.Of(1f, threshold));
        Assert.Equal(0f, CompreFaceSimilarity.Of(float.NaN, threshold));
    }

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void The_map_never_decreases_and_everything_below_the_threshold_stays_below_half(float threshold)
    {
        var previous = -1f;
        for (var cosine = -1.0; cosine <= 1.0; cosine += 0.0005)
        {
            var value = CompreFaceSimilarity.Of((float)cosine, threshold);
            Assert.True(value >= previous, $"f({cosine}) = {value} < {previous}");
            Assert.Equal((float)cosine >= threshold, value >= 0.5f);
            previous = value;
        }

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
