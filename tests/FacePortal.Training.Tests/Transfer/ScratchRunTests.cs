using FacePortal.Training.Augmentation;
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
        var epochs = new List<EpochMetrics>();

        var result = ScratchRun.Run(faces.Dataset, options, new Collect(epochs), TestContext.Current.CancellationToken);

        Assert.Equal(result.Training.Epochs.Count, epochs.Count);
        Assert.InRange(epochs.Count, 1, 3);
        Assert.Equal(result.ValidationFaces, result.Validation.Total);
        Assert.Equal(result.TrainFaces * 2, result.TrainSamples);
        Assert.Equal(9, result.Validation.Classes);
        Assert.True(epochs.All(e => double.IsFinite(e.TrainLoss) && double.IsFinite(e.ValidationLoss)));
    }

    private sealed class Collect(List<EpochMetrics> into) : IProgress<EpochMetrics>
    {
        public void Report(EpochMetrics value) => into.Add(value);
    }
}
