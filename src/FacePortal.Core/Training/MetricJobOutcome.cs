using System.Text.Json;
using FacePortal.Training.Metric;

namespace FacePortal.Core.Training;

/// <summary>What a metric (triplet loss) job leaves in our database: its summary and its two checkpoints.</summary>
public static class MetricJobOutcome
{
    /// <summary>
    /// The summary: no confusion matrix (a metric names no classes); the validation accuracy is the
    /// nearest-neighbour accuracy of the training people's held-out faces in the learnt space.
    /// </summary>
    public static TrainingSummary Summarize(MetricRunResult result, IReadOnlyList<TrainedClass> people, string device)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(people);
        var best = result.Best.Info;
        return new TrainingSummary(
            ModelKind.MetricTriplet,
            TrainedPeople(result, people),
            [],
            [],
            best.ValidationAccuracy,
            0,
            0,
            result.Calibration.Threshold,
            result.Calibration.MetricTar,
            result.Calibration.TargetFar,
            result.Training.BestEpoch,
            result.TrainFaces,
            result.TrainSamples,
            result.ValidationFaces,
            result.FeatureExtraction.TotalSeconds,
            result.HeadTraining.TotalSeconds,
            result.Training.StoppedEarlyBecause,
            device,
            result.OneShot,
            result.Calibration);
    }

    /// <summary>
    /// The best and last checkpoints. Their classes are the people the metric learnt from, so
    /// deleting one of them deletes the models, as for every trained model; the threshold is the
    /// calibrated similarity in the learnt space.
    /// </summary>
    public static IReadOnlyList<TrainedModel> Models(MetricRunResult result, IReadOnlyList<TrainedClass> people)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(people);
        var classes = JsonSerializer.Serialize(TrainedPeople(result, people));
        return [Model("best", result.Best, classes), Model("last", result.Last, classes)];
    }

    private static List<TrainedClass> TrainedPeople(MetricRunResult result, IReadOnlyList<TrainedClass> people) =>
        result.Split.Train.Order().Select(label => people[label]).ToList();

    private static TrainedModel Model(string kind, MetricCheckpoint checkpoint, string classes) => new()
    {
        Kind = kind,
        Epoch = checkpoint.Info.Epoch,
        ValidationLoss = checkpoint.Info.ValidationLoss,
        ValidationAccuracy = checkpoint.Info.ValidationAccuracy,
        ClassesJson = classes,
        ProbabilityThreshold = checkpoint.Info.SimilarityThreshold,
        Checkpoint = checkpoint.ToBytes(),
    };
}
