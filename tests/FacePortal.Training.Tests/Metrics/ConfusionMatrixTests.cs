using FacePortal.Training.Metrics;

namespace FacePortal.Training.Tests.Metrics;

public sealed class ConfusionMatrixTests
{
    [Fact]
    public void Counts_accuracy_precision_recall_and_f1_match_hand_computed_values()
    {
        // actual:    0 0 0 1 1 2 2 2 2
        // predicted: 0 0 1 1 2 2 2 2 0
        var matrix = new ConfusionMatrix(3, [0, 0, 0, 1, 1, 2, 2, 2, 2], [0, 0, 1, 1, 2, 2, 2, 2, 0]);

        Assert.Equal([[2, 1, 0], [0, 1, 1], [1, 0, 3]], matrix.Counts);
        Assert.Equal(6 / 9.0, matrix.Accuracy, 10);
        Assert.Equal(2 / 3.0, matrix.Precision(0), 10); // predicted 0: two right of three
        Assert.Equal(2 / 3.0, matrix.Recall(0), 10);
        Assert.Equal(1 / 2.0, matrix.Precision(1), 10);
        Assert.Equal(1 / 2.0, matrix.Recall(1), 10);
        Assert.Equal(3 / 4.0, matrix.Precision(2), 10);
        Assert.Equal(3 / 4.0, matrix.Recall(2), 10);
        Assert.Equal(0.75, matrix.F1(2), 10);
        Assert.Equal(((2 / 3.0) + 0.5 + 0.75) / 3, matrix.MacroF1, 10);
    }

    [Fact]
    public void A_class_never_predicted_has_zero_precision_not_a_division_by_zero()
    {
        var matrix = new ConfusionMatrix(2, [0, 1], [0, 0]);

        Assert.Equal(0, matrix.Precision(1));
        Assert.Equal(0, matrix.F1(1));
    }
}
