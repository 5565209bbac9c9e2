using FacePortal.Training.Checkpoints;

namespace FacePortal.Core.Training.Kinds;

/// <summary>What a finished run leaves in our database: the summary the dashboard shows, and the models kept (none for a baseline).</summary>
public sealed record TrainingOutcome(TrainingSummary Summary, IReadOnlyList<TrainedModel> Models)
{
    /// <summary>A kept model of any kind: its slot ("best" or "last"), its epoch's figures and its checkpoint file.</summary>
    /// <param name="classesJson">The people the model knows, as <see cref="TrainedClass"/> JSON.</param>
    /// <param name="threshold">The probability (classifier) or similarity (metric) recognition accepts a name at.</param>
    public static TrainedModel Model(string slot, ITrainedCheckpoint checkpoint, string classesJson, float threshold)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return new TrainedModel
        {
            Kind = slot,
            Epoch = checkpoint.Epoch,
            ValidationLoss = checkpoint.ValidationLoss,
            ValidationAccuracy = checkpoint.ValidationAccuracy,
            ClassesJson = classesJson,
            ProbabilityThreshold = threshold,
            Checkpoint = checkpoint.ToBytes(),
        };
    }
}
