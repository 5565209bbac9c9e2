using FacePortal.Shared.Models;
using FacePortal.Shared.OpenSet;

namespace FacePortal.Shared.Tests.OpenSet;

public sealed class ImpostorStatisticsTests
{
    [Fact]
    public void The_shipped_statistics_belong_to_the_pinned_embedding_model()
    {
        var shipped = ImpostorStatistics.Shipped;

        Assert.Null(shipped.MismatchWithPinnedModel());
        Assert.Equal(ModelManifest.Embedded.Hashes[ModelFile.Embedder], shipped.ModelSha256);
        Assert.True(shipped.Comparisons > 50_000, $"{shipped.Comparisons} comparisons");
        Assert.Equal(ImpostorProfile.PooledTailSize, shipped.HighestScores.Length);
    }

    [Fact]
    public void Statistics_of_another_model_are_refused()
    {
        var other = ImpostorStatistics.Shipped with { ModelSha256 = new string('0', 64) };

        Assert.Contains("run ./faceportal calibrate", other.MismatchWithPinnedModel(), StringComparison.Ordinal);
    }

    [Fact]
    public void Round_trips_through_json()
    {
        var shipped = ImpostorStatistics.Shipped;

        var again = ImpostorStatistics.Parse(shipped.ToJson());

        Assert.Equal(shipped.Comparisons, again.Comparisons);
        Assert.Equal(shipped.HighestScores, again.HighestScores);
        Assert.Equal(shipped.ToProfile().FalseMatchRate(0.45f, 100), again.ToProfile().FalseMatchRate(0.45f, 100));
    }
}
