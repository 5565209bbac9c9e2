namespace FacePortal.Training.Metric;

/// <summary>The outcome of a metric-learning run, with what each part saw and where its time went.</summary>
/// <param name="TrainedOn">The people (dataset labels) of every row the trainer was given, training and validation.</param>
/// <param name="EvaluatedOn">The people of every row the one-shot test and the calibration used.</param>
public sealed record MetricRunResult(
    HeadTrainingResult Training,
    MetricCheckpoint Best,
    MetricCheckpoint Last,
    OneShotTable OneShot,
    MetricCalibration Calibration,
    PeopleSplit Split,
    IReadOnlySet<int> TrainedOn,
    IReadOnlySet<int> EvaluatedOn,
    int TrainFaces,
    int TrainSamples,
    int ValidationFaces,
    TimeSpan FeatureExtraction,
    TimeSpan HeadTraining) : IRunReport
{
    TimeSpan IRunReport.PreparationTime => FeatureExtraction;

    TimeSpan IRunReport.TrainingTime => HeadTraining;
}
