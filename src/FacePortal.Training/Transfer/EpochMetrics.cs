namespace FacePortal.Training.Transfer;

/// <summary>One epoch's figures, as Keras' History records them.</summary>
public sealed record EpochMetrics(int Epoch, double TrainLoss, double TrainAccuracy, double ValidationLoss, double ValidationAccuracy, double LearningRate);
