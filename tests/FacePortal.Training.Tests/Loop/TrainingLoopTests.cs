using FacePortal.Training.Heads;
using FacePortal.Training.Loop;
using FacePortal.Training.Metric;
using FacePortal.Training.Tests.Transfer;
using FacePortal.Training.Transfer;
using TorchSharp;

namespace FacePortal.Training.Tests.Loop;

/// <summary>The one epoch loop: cancellation between epochs, and the metric head trained with the classifiers' callbacks.</summary>
public sealed class TrainingLoopTests
{
    private const int Dimensions = 16;

    [Fact]
    public void A_cancel_during_an_epoch_stops_the_loop_before_the_next_one()
    {
        var train = FeatureClusters.Make(3, 30, 0.3, 1, Dimensions);
        var validation = FeatureClusters.Make(3, 10, 0.3, 2, Dimensions);
        using var cancel = new CancellationTokenSource();
        var log = new EpochLog();
        var cancelAfterTwo = new CancellingLog(log, 2, cancel);

        Assert.ThrowsAny<OperationCanceledException>(() => HeadTrainer.Train(train, validation, 3, new HeadTrainingOptions { Epochs = 30, HiddenSize = 32 }, cancelAfterTwo, cancel.Token));

        Assert.Equal([1, 2], log.Epochs.Select(e => e.Epoch));
    }

    [Fact]
    public void The_classifier_objective_runs_the_loop_on_any_network()
    {
        var train = FeatureClusters.Make(3, 30, 0.3, 1, Dimensions);
        var validation = FeatureClusters.Make(3, 10, 0.3, 2, Dimensions);
        var options = new HeadTrainingOptions { Epochs = 12, BatchSize = 16, HiddenSize = 32 };
        lock (TorchGate.Lock)
        {
            torch.manual_seed(options.Seed);
            using var head = new TransferHead(Dimensions, 32, 3, 0.3);
            using var xTrain = torch.tensor(train.Values, [train.Count, Dimensions]);
            using var yTrain = torch.tensor(train.Labels.Select(l => (long)l).ToArray());
            using var xValidation = torch.tensor(validation.Values, [validation.Count, Dimensions]);
            using var yValidation = torch.tensor(validation.Labels.Select(l => (long)l).ToArray());
            var log = new EpochLog();

            var result = TrainingLoop.Run(new ClassifierObjective(head, xTrain, yTrain, xValidation, yValidation, 16, options.Seed), options, log, TestContext.Current.CancellationToken);

            Assert.Equal(result.Epochs, log.Epochs);
            Assert.Equal(result.Epochs.MinBy(e => e.ValidationLoss)!.Epoch, result.BestEpoch);
            Assert.True(result.Epochs[^1].TrainLoss < result.Epochs[0].TrainLoss, "the train loss fell");
            Assert.True(result.Epochs.Max(e => e.ValidationAccuracy) > 0.9, $"validation accuracy {result.Epochs.Max(e => e.ValidationAccuracy)}");

            // The best weights, loaded back, give the best epoch's validation loss again.
            using var best = new TransferHead(Dimensions, 32, 3, 0.3);
            best.load(new MemoryStream(result.BestWeights));
            var (loss, _) = ClassifierObjective.Evaluate(best, xValidation, yValidation);
            Assert.Equal(result.Epochs.Single(e => e.Epoch == result.BestEpoch).ValidationLoss, loss, 5);
        }
    }

    [Fact]
    public void The_metric_head_gets_the_same_callbacks_it_stops_early_and_lowers_its_rate_on_a_plateau()
    {
        var train = FeatureClusters.Make(4, 16, 0.05, 1, Dimensions);
        var validation = FeatureClusters.Make(4, 6, 0.05, 2, Dimensions);
        var head = new HeadTrainingOptions { Epochs = 300, EarlyStoppingPatience = 4, LearningRatePatience = 2 };

        var result = MetricTrainer.Train(train, validation, new MetricTrainingOptions { OutputSize = 8, PeoplePerBatch = 4, FacesPerPerson = 4 }, head, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotNull(result.StoppedEarlyBecause);
        Assert.True(result.Epochs.Count < 300, $"{result.Epochs.Count} epochs");
        Assert.True(result.Epochs[^1].LearningRate < head.LearningRate, "the learning rate was lowered");
        Assert.Equal(result.Epochs.MinBy(e => e.ValidationLoss)!.Epoch, result.BestEpoch);
        Assert.Equal(1.0, result.Epochs.Single(e => e.Epoch == result.BestEpoch).ValidationAccuracy);
    }

    [Fact]
    public void Shuffled_batches_cover_every_row_once_per_epoch_in_a_seeded_order()
    {
        var batches = new ShuffledBatches(rows: 21, batchSize: 4, seed: 7);
        var again = new ShuffledBatches(rows: 21, batchSize: 4, seed: 7);

        var first = batches.NextEpoch().ToList();
        var second = batches.NextEpoch().ToList();

        Assert.Equal(5, first.Count); // 5 batches of 4; the 21st row alone would be a batch of one, which batch norm cannot take.
        Assert.All(first, b => Assert.Equal(4, b.Length));
        Assert.Equal(20, first.SelectMany(b => b).Distinct().Count());
        Assert.NotEqual(first.SelectMany(b => b), second.SelectMany(b => b));
        Assert.Equal(first.SelectMany(b => b), again.NextEpoch().SelectMany(b => b));
    }

    /// <summary>Logs each epoch, then asks for cancellation once it has seen enough.</summary>
    private sealed class CancellingLog(EpochLog log, int after, CancellationTokenSource cancel) : IProgress<EpochMetrics>
    {
        public void Report(EpochMetrics value)
        {
            log.Report(value);
            if (value.Epoch == after)
            {
                cancel.Cancel();
            }
        }
    }
}
