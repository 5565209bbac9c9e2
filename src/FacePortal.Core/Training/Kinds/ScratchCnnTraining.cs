using FacePortal.Training.Data;
using FacePortal.Training.Scratch;

namespace FacePortal.Core.Training.Kinds;

/// <summary>A CNN from scratch on the same split: a baseline to compare the transfer head with, so it keeps no model.</summary>
public sealed class ScratchCnnTraining : ITrainingKind
{
    public ModelKind Kind => ModelKind.ScratchCnn;

    public string? Check(FaceDataset dataset, TrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TransferRun.Check(dataset, null, request.ToRunOptions());
    }

    public TrainingOutcome Train(TrainingInput input, IProgress<EpochMetrics> epochs, IProgress<double> extraction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = ScratchRun.Run(input.Dataset, input.Request.ToRunOptions(), epochs, cancellationToken);
        var summary = TrainingSummary.Of(ModelKind.ScratchCnn, input.People, result, input.Device).WithValidation(result.Validation);
        return new TrainingOutcome(summary, []);
    }
}
