using FacePortal.Training.Checkpoints;

namespace FacePortal.Training.Scratch;

/// <summary>What a from-scratch CNN checkpoint is: its people, its input size and dropout, its epoch and how good it was.</summary>
public sealed record ScratchCheckpointInfo(
    IReadOnlyList<string> Classes,
    int InputSize,
    double Dropout,
    int Epoch,
    double ValidationLoss,
    double ValidationAccuracy,
    DateTime CreatedAt);

/// <summary>
/// A CNN from scratch in the one checkpoint format (<see cref="CheckpointFile"/>). It has no
/// portable entry: it is a baseline to compare with, so recognition never loads it.
/// </summary>
public sealed record ScratchCheckpoint(ScratchCheckpointInfo Info, byte[] Weights) : ITrainedCheckpoint
{
    public CheckpointKind Kind => CheckpointKind.ScratchCnn;

    public int Epoch => Info.Epoch;

    public double ValidationLoss => Info.ValidationLoss;

    public double ValidationAccuracy => Info.ValidationAccuracy;

    public static ScratchCheckpoint Load(Stream stream)
    {
        var contents = CheckpointFile.Read(stream);
        return new ScratchCheckpoint(contents.InfoOf<ScratchCheckpointInfo>(CheckpointKind.ScratchCnn), contents.Weights);
    }

    public void Save(Stream stream) => CheckpointFile.Write(stream, Kind, Info, Weights);
}
