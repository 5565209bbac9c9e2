using FacePortal.Training.Data;
using FacePortal.Training.Features;

namespace FacePortal.Core.Training.Kinds;

/// <summary>
/// The recognizer: a transfer head on the frozen embedder. Keeps the best and last checkpoints,
/// each with the open-set probability threshold calibrated on the validation faces.
/// </summary>
public sealed class TransferHeadTraining(FacePipeline pipeline) : ITrainingKind
{
    public ModelKind Kind => ModelKind.TransferHead;

    public string? Check(FaceDataset dataset, TrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TransferRun.Check(dataset, null, request.ToRunOptions());
    }

    public TrainingOutcome Train(TrainingInput input, IProgress<EpochMetrics> epochs, IProgress<double> extraction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var result = new TransferRun(new FeatureExtractor(pipeline.Embedder)).Run(input.Dataset, null, input.Request.ToRunOptions(), epochs, extraction, cancellationToken);
        var summary = TrainingSummary.Of(ModelKind.TransferHead, input.People, result, input.Device).WithValidation(result.Validation) with
        {
            MaskedValidationAccuracy = result.MaskedValidationAccuracy,
            ProbabilityThreshold = result.OpenSet.Threshold,
            GenuineAcceptRate = result.OpenSet.GenuineAcceptRate,
            FalseAcceptRate = result.OpenSet.FalseAcceptRate,
        };
        var classes = JsonSerializer.Serialize(input.People);
        return new TrainingOutcome(
            summary,
            [TrainingOutcome.Model("best", result.Best, classes, result.OpenSet.Threshold), TrainingOutcome.Model("last", result.Last, classes, result.OpenSet.Threshold)]);
    }
}
