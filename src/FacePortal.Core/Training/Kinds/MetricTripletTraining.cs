using FacePortal.Training.Data;
using FacePortal.Training.Features;
using FacePortal.Training.Metric;

namespace FacePortal.Core.Training.Kinds;

/// <summary>
/// A metric learnt with triplet loss (the gallery then searches in its space), its threshold
/// calibrated against the one recognition uses on raw embeddings.
/// </summary>
public sealed class MetricTripletTraining(FacePipeline pipeline, RecognitionOptions recognition, OperatingPointService operatingPoints) : ITrainingKind
{
    public ModelKind Kind => ModelKind.MetricTriplet;

    public string? Check(FaceDataset dataset, TrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MetricRun.Check(dataset, Options(request));
    }

    public TrainingOutcome Train(TrainingInput input, IProgress<EpochMetrics> epochs, IProgress<double> extraction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = new MetricRun(new FeatureExtractor(pipeline.Embedder)).Run(input.Dataset, Options(input.Request), epochs, extraction, cancellationToken);
        return new TrainingOutcome(Summarize(result, input.People, input.Device), Models(result, input.People));
    }

    /// <summary>
    /// The summary: no confusion matrix (a metric names no classes); the validation accuracy is the
    /// nearest-neighbour accuracy of the training people's held-out faces in the learnt space.
    /// </summary>
    public static TrainingSummary Summarize(MetricRunResult result, IReadOnlyList<TrainedClass> people, string device)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(people);
        return TrainingSummary.Of(ModelKind.MetricTriplet, TrainedPeople(result, people), result, device) with
        {
            ValidationAccuracy = result.Best.Info.ValidationAccuracy,
            ProbabilityThreshold = result.Calibration.Threshold,
            GenuineAcceptRate = result.Calibration.MetricTar,
            FalseAcceptRate = result.Calibration.TargetFar,
            OneShot = result.OneShot,
            Calibration = result.Calibration,
        };
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
        return
        [
            TrainingOutcome.Model("best", result.Best, classes, result.Best.Info.SimilarityThreshold),
            TrainingOutcome.Model("last", result.Last, classes, result.Last.Info.SimilarityThreshold),
        ];
    }

    /// <summary>The run's options; the raw threshold is the one recognition uses now, configured or calibrated.</summary>
    private MetricRunOptions Options(TrainingRequest request) =>
        request.ToMetricOptions(recognition.SimilarityThreshold ?? operatingPoints.ForVerification().Threshold);

    private static List<TrainedClass> TrainedPeople(MetricRunResult result, IReadOnlyList<TrainedClass> people) =>
        result.Split.Train.Order().Select(label => people[label]).ToList();
}
