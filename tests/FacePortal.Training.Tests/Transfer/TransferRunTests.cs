using FacePortal.Training.Augmentation;
using FacePortal.Training.Data;
using FacePortal.Training.Features;
using FacePortal.Training.Transfer;

namespace FacePortal.Training.Tests.Transfer;

/// <summary>Transfer learning on real faces: the deepface photos, one class per group of "same person" pairs.</summary>
public sealed class TransferRunTests(TrainingFaces faces) : IClassFixture<TrainingFaces>
{
    [Fact]
    public void The_head_names_held_out_photos_far_better_than_chance()
    {
        var run = new TransferRun(new FeatureExtractor(faces.Pipeline.Embedder));
        var log = new EpochLog();

        using var result = run.Run(faces.Dataset, null, new TransferRunOptions { Head = new HeadTrainingOptions { Epochs = 40 } }, log, cancellationToken: TestContext.Current.CancellationToken);

        var chance = 1.0 / faces.Dataset.Classes.Count;
        Assert.Equal(9, faces.Dataset.Classes.Count);
        Assert.True(result.Validation.Accuracy >= 0.8, $"validation accuracy {result.Validation.Accuracy:P0} (chance {chance:P0})");
        Assert.Equal(result.ValidationFaces, result.Validation.Total);
        Assert.Equal(result.TrainFaces * 6, result.TrainSamples);
        Assert.Equal(result.Training.Epochs.Count, log.Epochs.Count);
        Assert.InRange(result.MaskedValidationAccuracy, 0, 1);
        Assert.Equal(faces.Dataset.Classes, result.Best.Info.Classes);
    }

    [Fact]
    public void A_person_with_one_photo_is_refused_before_any_work()
    {
        var one = new FaceDataset(["a", "b"], [faces.Dataset.Faces[0] with { Label = 0 }, faces.Dataset.Faces[1] with { Label = 1 }, faces.Dataset.Faces[2] with { Label = 1 }]);

        var problem = TransferRun.Check(one, null, new TransferRunOptions());

        Assert.Equal("Each person needs at least 2 usable face(s); too few: a (1).", problem);
    }

    [Fact]
    public void Cancelling_stops_the_run()
    {
        var run = new TransferRun(new FeatureExtractor(faces.Pipeline.Embedder));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => run.Run(faces.Dataset, null, new TransferRunOptions { AugmentedCopies = 1, Augmentation = AugmentationOptions.None }, cancellationToken: cancelled.Token));
    }
}
