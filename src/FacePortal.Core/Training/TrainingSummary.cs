namespace FacePortal.Core.Training;

/// <summary>A finished job's results as the dashboard shows them; stored as JSON with the job.</summary>
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
    string Device);

/// <summary>A person a model was trained on.</summary>
public sealed record TrainedClass(Guid Id, string Name);

public sealed record ClassMetrics(string Name, double Precision, double Recall, double F1, int Support);
