namespace FacePortal.Training.Checkpoints;

/// <summary>What every kind's checkpoint tells its keeper: the kind, the epoch and its validation figures, and the file.</summary>
public interface ITrainedCheckpoint
{
    CheckpointKind Kind { get; }

    int Epoch { get; }

    double ValidationLoss { get; }

    double ValidationAccuracy { get; }

    /// <summary>Writes the checkpoint file (<see cref="CheckpointFile"/>).</summary>
    void Save(Stream stream);
}
