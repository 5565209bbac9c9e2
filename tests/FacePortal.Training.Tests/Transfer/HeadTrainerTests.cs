using FacePortal.Shared.Search;
using FacePortal.Training.Features;
using FacePortal.Training.Heads;
using FacePortal.Training.Metrics;
using FacePortal.Training.Transfer;

namespace FacePortal.Training.Tests.Transfer;

public sealed class HeadTrainerTests
{
    private const int Dimensions = 16;

    [Fact]
    public void Learns_separable_classes_and_keeps_the_best_epoch()
    {
        var train = Clusters(classes: 3, perClass: 40, noise: 0.3, seed: 1);
        var validation = Clusters(classes: 3, perClass: 10, noise: 0.3, seed: 2);

        var result = HeadTrainer.Train(train, validation, 3, new HeadTrainingOptions { Epochs = 30, HiddenSize = 32, BatchSize = 16 }, cancellationToken: TestContext.Current.CancellationToken);

        var best = result.Epochs.Single(e => e.Epoch == result.BestEpoch);
        Assert.True(best.ValidationAccuracy > 0.95, $"validation accuracy {best.ValidationAccuracy}");
        Assert.Equal(result.Epochs.Min(e => e.ValidationLoss), best.ValidationLoss);
        Assert.True(result.Epochs[^1].TrainLoss < result.Epochs[0].TrainLoss);
    }

    [Fact]
    public void Without_signal_the_rate_drops_on_the_plateau_and_training_stops_early()
    {
        var random = new Random(5);
        var noise = new FeatureSet(Enumerable.Range(0, 64 * Dimensions).Select(_ => (float)random.NextDouble()).ToArray(), Enumerable.Range(0, 64).Select(_ => random.Next(2)).ToArray(), Dimensions);
        var validation = new FeatureSet(Enumerable.Range(0, 32 * Dimensions).Select(_ => (float)random.NextDouble()).ToArray(), Enumerable.Range(0, 32).Select(_ => random.Next(2)).ToArray(), Dimensions);

        var result = HeadTrainer.Train(noise, validation, 2, new HeadTrainingOptions { Epochs = 200, HiddenSize = 16, EarlyStoppingPatience = 6, LearningRatePatience = 2, LearningRate = 0.01 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotNull(result.StoppedEarlyBecause);
        Assert.True(result.Epochs.Count < 200);
        Assert.True(result.Epochs[^1].LearningRate < result.Epochs[0].LearningRate, "the learning rate was reduced");
    }

    [Fact]
    public void A_checkpoint_saved_and_loaded_predicts_the_same()
    {
        var train = Clusters(3, 30, 0.3, 1);
        var validation = Clusters(3, 10, 0.3, 2);
        var result = HeadTrainer.Train(train, validation, 3, new HeadTrainingOptions { Epochs = 10, HiddenSize = 32 }, cancellationToken: TestContext.Current.CancellationToken);
        var info = new HeadCheckpointInfo(["a", "b", "c"], Dimensions, 32, 0.3, result.BestEpoch, 0.1, 1, DateTime.UtcNow);
        using var original = HeadCheckpoint.FromWeights(info, result.BestWeights);

        using var file = new MemoryStream();
        original.Save(file);
        file.Position = 0;
        using var loaded = HeadCheckpoint.Load(file);

        Assert.Equal(original.Info with { Classes = [] }, loaded.Info with { Classes = [] });
        Assert.Equal(["a", "b", "c"], loaded.Info.Classes);
        var (labelsBefore, probabilitiesBefore) = original.Predict(validation);
        var (labelsAfter, probabilitiesAfter) = loaded.Predict(validation);
        Assert.Equal(labelsBefore, labelsAfter);
        Assert.Equal(probabilitiesBefore, probabilitiesAfter);
    }

    [Fact]
    public void The_plain_csharp_head_in_the_checkpoint_gives_torchsharps_probabilities()
    {
        var train = Clusters(3, 30, 0.3, 1);
        var validation = Clusters(3, 10, 0.3, 2);
        var result = HeadTrainer.Train(train, validation, 3, new HeadTrainingOptions { Epochs = 10, HiddenSize = 32 }, cancellationToken: TestContext.Current.CancellationToken);
        using var checkpoint = HeadCheckpoint.FromWeights(new HeadCheckpointInfo(["a", "b", "c"], Dimensions, 32, 0.3, 1, 0.1, 1, DateTime.UtcNow), result.BestWeights);
        using var file = new MemoryStream();
        checkpoint.Save(file);

        var portable = ClassifierHead.FromCheckpoint(file.ToArray());
        var (labels, probabilities) = checkpoint.Predict(validation);

        for (var i = 0; i < validation.Count; i++)
        {
            var p = portable.Probabilities(validation.Row(i));
            Assert.Equal(labels[i], Array.IndexOf(p, p.Max()));
            Assert.Equal(probabilities[i], p.Max(), 4);
            Assert.Equal(1f, p.Sum(), 4);
        }
    }

    [Fact]
    public void Calibration_puts_the_threshold_between_strangers_and_genuine_faces()
    {
        var train = Clusters(4, 30, 0.2, 1);
        var validation = Clusters(4, 20, 0.2, 2);
        var result = HeadTrainer.Train(train, validation, 4, new HeadTrainingOptions { Epochs = 30, HiddenSize = 32 }, cancellationToken: TestContext.Current.CancellationToken);
        using var checkpoint = HeadCheckpoint.FromWeights(new HeadCheckpointInfo(["a", "b", "c", "d"], Dimensions, 32, 0.3, 1, 0.1, 1, DateTime.UtcNow), result.BestWeights);

        var calibration = FacePortal.Training.Metrics.OpenSetCalibration.Calibrate(checkpoint.Classifier, validation);

        Assert.InRange(calibration.Threshold, 0.5f, 0.99f);
        Assert.True(calibration.GenuineAcceptRate > 0.9, $"genuine accept {calibration.GenuineAcceptRate}");
        Assert.True(calibration.FalseAcceptRate < 0.2, $"false accept {calibration.FalseAcceptRate}");
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused_with_a_sentence()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntry("readme.txt");
        }

        zip.Position = 0;
        var refused = Assert.Throws<InvalidDataException>(() => HeadCheckpoint.Load(zip));
        Assert.Contains("checkpoint.json is missing", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_hyperparameters_are_refused_with_a_sentence()
    {
        var set = Clusters(2, 4, 0.1, 1);

        var refused = Assert.Throws<ArgumentException>(() => HeadTrainer.Train(set, set, 2, new HeadTrainingOptions { Dropout = 1.5 }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.StartsWith("Dropout must be at least 0 and below 1.", refused.Message, StringComparison.Ordinal);
    }

    private static FeatureSet Clusters(int classes, int perClass, double noise, int seed) => FeatureClusters.Make(classes, perClass, noise, seed, Dimensions);
}
