using FacePortal.Training.Data;

namespace FacePortal.Training.Tests.Data;

public sealed class StratifiedSplitTests
{
    [Fact]
    public void Every_class_gives_its_share_to_validation_and_keeps_the_rest_for_training()
    {
        int[] labels = [.. Enumerable.Repeat(0, 10), .. Enumerable.Repeat(1, 5), .. Enumerable.Repeat(2, 2), 3];

        var (train, validation) = StratifiedSplit.Split(labels, 0.2, seed: 42);

        int Count(int[] set, int label) => set.Count(i => labels[i] == label);
        Assert.Equal((8, 2), (Count(train, 0), Count(validation, 0)));
        Assert.Equal((4, 1), (Count(train, 1), Count(validation, 1)));
        Assert.Equal((1, 1), (Count(train, 2), Count(validation, 2)));
        Assert.Equal((1, 0), (Count(train, 3), Count(validation, 3)));
        Assert.Empty(train.Intersect(validation));
        Assert.Equal(labels.Length, train.Length + validation.Length);
    }

    [Fact]
    public void The_same_seed_gives_the_same_split()
    {
        var labels = Enumerable.Range(0, 40).Select(i => i % 4).ToArray();

        var (first, second) = (StratifiedSplit.Split(labels, 0.25, 7), StratifiedSplit.Split(labels, 0.25, 7));
        Assert.Equal(first.Train, second.Train);
        Assert.Equal(first.Validation, second.Validation);
        Assert.NotEqual(StratifiedSplit.Split(labels, 0.25, 7).Validation, StratifiedSplit.Split(labels, 0.25, 8).Validation);
    }
}
