using FacePortal.Training.Augmentation;
using FacePortal.Training.Checkpoints;
using FacePortal.Training.Features;
using FacePortal.Training.Metric;
using FacePortal.Training.Tests.Transfer;
using FacePortal.Training.Transfer;

namespace FacePortal.Training.Tests.Metric;

/// <summary>A short metric-learning run on real celeb24 faces.</summary>
public sealed class MetricRunTests(Celeb24Faces faces) : IClassFixture<Celeb24Faces>
{
    private static readonly MetricRunOptions Quick = new()
    {
        AugmentedCopies = 0,
        Augmentation = AugmentationOptions.None,
        Head = new HeadTrainingOptions { Epochs = 3 },
        Metric = new MetricTrainingOptions { PeoplePerBatch = 4, FacesPerPerson = 3, Episodes = 5 },
    };

    [Fact]
    public void The_one_shot_test_uses_only_people_the_metric_never_trained_on()
    {
        var log = new EpochLog();

        var result = new MetricRun(new FeatureExtractor(faces.Pipeline.Embedder)).Run(faces.Dataset, Quick, log, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(result.Split.Train.Intersect(result.Split.Test));
        Assert.Equal(3, result.Split.Test.Count); // round(8 x 0.33)
        Assert.Subset(result.Split.Train.ToHashSet(), result.TrainedOn.ToHashSet());
        Assert.Empty(result.TrainedOn.Intersect(result.Split.Test));
        Assert.Equal(result.Split.Test.Order(), result.EvaluatedOn.Order());
        Assert.Equal(result.Split.Train.Order().Select(p => faces.Dataset.Classes[p]), result.Best.Info.People);
    }

    [Fact]
    public void It_reports_raw_beside_metric_and_a_calibrated_threshold_in_the_checkpoint()
    {
        var log = new EpochLog();

        var result = new MetricRun(new FeatureExtractor(faces.Pipeline.Embedder)).Run(faces.Dataset, Quick, log, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(result.Training.Epochs.Count, log.Epochs.Count);
        Assert.Equal(
            ["3-way 1-shot accuracy (all test people)", "TAR at FAR 1e-2", "TAR at FAR 1e-3", "ROC AUC"],
            result.OneShot.Rows.Select(r => r.Measure));
        var oneShot = result.OneShot.Rows[0];
        Assert.True(oneShot.Raw > 0.8, $"raw one-shot {oneShot.Raw}");
        Assert.InRange(oneShot.Metric!.Value, 0, 1);
        Assert.Null(result.OneShot.Rows[2].Raw); // 3 people x ~6 faces give too few different-person pairs for FAR 1e-3.
        Assert.Equal(result.Calibration.Threshold, result.Best.Projection.SimilarityThreshold);
        Assert.Equal(128, result.Best.Projection.Outputs);
        Assert.Equal(512, result.Best.Projection.Inputs);
        var file = result.Best.ToBytes();
        Assert.True(Shared.Search.EmbeddingProjection.IsIn(file));
        Assert.Equal(result.Calibration.Threshold, Shared.Search.EmbeddingProjection.FromCheckpoint(file).SimilarityThreshold);
    }

    [Fact]
    public void Too_few_people_are_refused_before_any_work()
    {
        var three = faces.Dataset with { Faces = faces.Dataset.Faces.Where(f => f.Label < 3).ToList() };

        Assert.StartsWith("Metric learning needs at least four people", MetricRun.Check(three, Quick), StringComparison.Ordinal);
    }
}
