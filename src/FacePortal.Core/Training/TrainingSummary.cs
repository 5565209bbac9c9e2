using FacePortal.Training.Metric;
using FacePortal.Training.Metrics;

namespace FacePortal.Core.Training;

/// <summary>A finished job's results as the dashboard shows them; stored as JSON with the job.</summary>
/// <param name="OneShot">A metric job's one-shot table on people it never saw, raw beside metric.</param>
/// <param name="Calibration">A metric job's similarity threshold and how it was chosen.</param>
public sealed record TrainingSummary(
    ModelKind Model,
    IReadOnlyList<TrainedClass> Classes,
    int[][] Confusion,
    IReadOnlyList<ClassMetrics> PerClass,
    double ValidationAccuracy,
    double MacroF1,
    double MaskedValidationAccuracy,
    float ProbabilityThreshold,
    double GenuineAcceptRate,
    double FalseAcceptRate,
    int BestEpoch,
    int TrainFaces,
    int TrainSamples,
    int ValidationFaces,
    double FeatureSeconds,
    double TrainingSeconds,
    string? StoppedEarly,
    string Device,
    OneShotTable? OneShot = null,
    MetricCalibration? Calibration = null)
{
    /// <summary>
    /// What every kind reports the same way (the run's best epoch, faces, time, early stop and device) and nothing it
    /// measured yet: each kind adds its own figures with <c>with</c> (a classifier's by <see cref="WithValidation"/>).
    /// </summary>
    public static TrainingSummary Of(ModelKind model, IReadOnlyList<TrainedClass> classes, IRunReport run, string device)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new TrainingSummary(
            model, classes, [], [], 0, 0, 0, 0, 0, 0, run.Training.BestEpoch, run.TrainFaces, run.TrainSamples, run.ValidationFaces,
            run.PreparationTime.TotalSeconds, run.TrainingTime.TotalSeconds, run.Training.StoppedEarlyBecause, device);
    }

    /// <summary>A classifier's validation: its confusion matrix, accuracy and macro F1, and each person's row of the matrix.</summary>
    public TrainingSummary WithValidation(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return this with { Confusion = matrix.Counts, PerClass = ClassMetrics.Of(Classes, matrix), ValidationAccuracy = matrix.Accuracy, MacroF1 = matrix.MacroF1 };
    }
}

/// <summary>A person a model was trained on.</summary>
public sealed record TrainedClass(Guid Id, string Name);

public sealed record ClassMetrics(string Name, double Precision, double Recall, double F1, int Support)
{
    /// <summary>Each person's row of a classifier's validation confusion matrix, label by label.</summary>
    public static List<ClassMetrics> Of(IReadOnlyList<TrainedClass> people, ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(matrix);
        return people.Select((p, c) => new ClassMetrics(p.Name, matrix.Precision(c), matrix.Recall(c), matrix.F1(c), matrix.Counts[c].Sum())).ToList();
    }
}
