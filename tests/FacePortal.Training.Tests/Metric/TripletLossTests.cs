using FacePortal.Shared.Search;
using FacePortal.Training.Metric;
using TorchSharp;

namespace FacePortal.Training.Tests.Metric;

public sealed class TripletLossTests
{
    [Fact]
    public void The_loss_of_a_hand_computed_batch()
    {
        // Unit vectors; squared distances 2 - 2cos: d(0,1) = 0.4, d(0,2) = 0.8, d(1,2) = 0.08.
        // Anchor 0, positive 1: negative 2 is semi-hard (0.4 < 0.8 < 0.4 + 0.5); loss 0.4 - 0.8 + 0.5 = 0.1.
        // Anchor 1, positive 0: negative 2 is closer than the positive (hard); loss 0.4 - 0.08 + 0.5 = 0.82.
        using var embeddings = torch.tensor(new float[] { 1, 0, 0.8f, 0.6f, 0.6f, 0.8f }, [3, 2]);

        var batch = TripletLoss.Compute(embeddings, [0, 0, 1], margin: 0.5)!;

        Assert.Equal(0.46, batch.Loss.item<float>(), 4);
        Assert.Equal(2, batch.Triplets);
        Assert.Equal(1, batch.Ordered);
        Assert.Equal(1, batch.SemiHard);
        batch.Loss.Dispose();
    }

    [Fact]
    public void A_batch_of_one_person_has_no_triplet()
    {
        using var embeddings = torch.tensor(new float[] { 1, 0, 0, 1 }, [2, 2]);

        Assert.Null(TripletLoss.Compute(embeddings, [3, 3], margin: 0.2));
    }

    [Fact]
    public void The_plain_projection_matches_the_trained_head()
    {
        using var head = new ProjectionHead(inputs: 16, outputs: 4);
        var input = Enumerable.Range(0, 16).Select(i => MathF.Sin(i)).ToArray();
        using var x = torch.tensor(input, [1, 16]);

        var expected = head.forward(x).data<float>().ToArray();
        var projection = EmbeddingProjection.FromBytes(head.ToProjection(0.5f).ToBytes());

        Assert.Equal(0.5f, projection.SimilarityThreshold);
        Assert.Equal(expected, projection.Project(input), (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.Equal(1, Math.Sqrt(projection.Project(input).Sum(v => v * v)), 5);
    }
}
