using FacePortal.Training.Metrics;

namespace FacePortal.Training.Transfer;

/// <summary>The outcome of a transfer-learning run, with where its time went.</summary>
public sealed record TransferRunResult(
    HeadTrainingResult Training,
    HeadCheckpoint Best,
    HeadCheckpoint Last,
    ConfusionMatrix Validation,
    double MaskedValidationAccuracy,
    OpenSetCalibration OpenSet,
    int TrainFaces,
    int TrainSamples,
    int ValidationFaces,
    TimeSpan FeatureExtraction,
    TimeSpan HeadTraining) : IDisposable, IRunReport
{
    TimeSpan IRunReport.PreparationTime => FeatureExtraction;

    TimeSpan IRunReport.TrainingTime => HeadTraining;

    public void Dispose()
    {
        Best.Dispose();
        Last.Dispose();
    }
}
