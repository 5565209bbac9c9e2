namespace FacePortal.Training.Transfer;

/// <summary>What a head training run produced: its history, and the best and last weights.</summary>
public sealed record HeadTrainingResult(
    IReadOnlyList<EpochMetrics> Epochs,
    int BestEpoch,
    byte[] BestWeights,
    byte[] LastWeights,
    string? StoppedEarlyBecause);
