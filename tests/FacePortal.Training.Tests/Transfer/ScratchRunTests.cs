using FacePortal.Training.Augmentation;
using FacePortal.Training.Checkpoints;
using FacePortal.Training.Scratch;
using FacePortal.Training.Transfer;

namespace FacePortal.Training.Tests.Transfer;

/// <summary>The from-scratch baseline trains on the same split as the transfer head and reports the same metrics.</summary>
public sealed class ScratchRunTests(TrainingFaces faces) : IClassFixture<TrainingFaces>
{
    [Fact]
    public void Trains_a_cnn_on_the_pixels_and_evaluates_its_best_epoch_on_the_held_out_faces()
    {
        var options = new TransferRunOptions { AugmentedCopies = 1, Augmentation = new AugmentationOptions { MaskProbability = 0 }, Head = new HeadTrainingOptions { Epochs = 3, BatchSize = 16 } };
        var log = new EpochLog();

        var result = ScratchRun.Run(faces.Dataset, options, log, TestContext.Current.CancellationToken);

        Assert.Equal(result.Training.Epochs.Count, log.Epochs.Count);
        Assert.InRange(log.Epochs.Count, 1, 3);
        Assert.Equal(result.ValidationFaces, result.Validation.Total);
        Assert.Equal(result.TrainFaces * 2, result.TrainSamples);
        Assert.Equal(9, result.Validation.Classes);
        Assert.True(log.Epochs.All(e => double.IsFinite(e.TrainLoss) && double.IsFinite(e.ValidationLoss)));

        // Its checkpoints are in the one format, of their own kind: a head loader refuses them.
        var loaded = ScratchCheckpoint.Load(new MemoryStream(result.Best.ToBytes()));
        Assert.Equal(result.Best.Info with { Classes = [] }, loaded.Info with { Classes = [] });
        Assert.Equal(faces.Dataset.Classes, loaded.Info.Classes);
        Assert.Equal(result.Training.BestWeights, loaded.Weights);
        Assert.Equal(result.Training.BestEpoch, loaded.Epoch);
        Assert.Equal(log.Epochs[^1].Epoch, result.Last.Epoch);
        Assert.Throws<InvalidDataException>(() => Heads.HeadCheckpoint.Load(new MemoryStream(result.Best.ToBytes())));
    }
}
