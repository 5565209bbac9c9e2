namespace FacePortal.Training.Checkpoints;

/// <summary>What network a checkpoint file holds, so a reader knows what to build before loading the weights.</summary>
public enum CheckpointKind
{
    /// <summary>A classifier head on frozen embeddings (<see cref="Heads.HeadCheckpoint"/>).</summary>
    TransferHead,

    /// <summary>A learnt metric: a projection of frozen embeddings (<see cref="Metric.MetricCheckpoint"/>).</summary>
    MetricProjection,

    /// <summary>A CNN trained from scratch on pixels, the baseline (<see cref="Scratch.ScratchCheckpoint"/>); recognition never loads it.</summary>
    ScratchCnn,
}
