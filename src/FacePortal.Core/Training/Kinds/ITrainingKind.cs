using FacePortal.Training.Data;

namespace FacePortal.Core.Training.Kinds;

/// <summary>
/// One kind of model a training job can train (<see cref="ModelKind"/>): its own check of the
/// data, its run, and what the run leaves in our database. <see cref="TrainingJobRunner"/> does the
/// loading, recording and bookkeeping the same for every kind, through <see cref="TrainingKinds"/>.
/// </summary>
public interface ITrainingKind
{
    ModelKind Kind { get; }

    /// <summary>The first reason the loaded faces cannot be trained on with this request, in a sentence, or null.</summary>
    string? Check(FaceDataset dataset, TrainingRequest request);

    /// <summary>Trains on the TorchSharp thread it is called on; reports each epoch and the feature extraction as it goes.</summary>
    TrainingOutcome Train(TrainingInput input, IProgress<EpochMetrics> epochs, IProgress<double> extraction, CancellationToken cancellationToken);
}

/// <param name="People">The dataset's classes as our people, label by label.</param>
/// <param name="Device">Where TorchSharp trains ("CPU" or "CUDA"), for the summary.</param>
public sealed record TrainingInput(FaceDataset Dataset, IReadOnlyList<TrainedClass> People, TrainingRequest Request, string Device);
