namespace FacePortal.Training.Transfer;

/// <summary>What every kind of run (transfer head, scratch CNN, metric) reports the same way: how training went, what it saw, where its time went.</summary>
public interface IRunReport
{
    HeadTrainingResult Training { get; }

    int TrainFaces { get; }

    int TrainSamples { get; }

    int ValidationFaces { get; }

    /// <summary>Getting the inputs ready: the embedder's feature extraction, or the scratch CNN's crops.</summary>
    TimeSpan PreparationTime { get; }

    /// <summary>The training loop itself.</summary>
    TimeSpan TrainingTime { get; }
}
