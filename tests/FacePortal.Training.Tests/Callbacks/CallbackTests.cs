using FacePortal.Training.Callbacks;

namespace FacePortal.Training.Tests.Callbacks;

public sealed class CallbackTests
{
    [Fact]
    public void Early_stopping_stops_after_patience_epochs_without_improvement()
    {
        var stopping = new EarlyStopping(patience: 3);

        bool[] decisions = [.. new[] { 1.0, 0.8, 0.81, 0.79, 0.80, 0.80, 0.80 }.Select(stopping.ShouldStop)];

        Assert.Equal([false, false, false, false, false, false, true], decisions);
    }

    [Fact]
    public void Reduce_on_plateau_multiplies_the_rate_after_patience_epochs_and_not_below_the_floor()
    {
        var plateau = new PlateauLearningRate(factor: 0.5, patience: 2, minLearningRate: 0.2);
        var rate = 1.0;
        var rates = new List<double>();
        foreach (var loss in new[] { 1.0, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95 })
        {
            rate = plateau.Step(loss, rate);
            rates.Add(rate);
        }

        Assert.Equal([1.0, 1.0, 1.0, 0.5, 0.5, 0.25, 0.25, 0.2], rates);
    }

    [Fact]
    public void The_best_checkpoint_keeps_the_weights_of_the_lowest_validation_loss()
    {
        var best = new BestCheckpoint();
        var saves = 0;

        foreach (var (epoch, loss) in new[] { (1, 0.9), (2, 0.5), (3, 0.7), (4, 0.5), (5, 0.6) })
        {
            best.Offer(epoch, loss, () => { saves++; return [(byte)epoch]; });
        }

        Assert.Equal((2, 0.5), (best.BestEpoch, best.BestLoss));
        Assert.Equal([(byte)2], best.Weights!);
        Assert.Equal(2, saves);
    }
}
