using FacePortal.Training.Checkpoints;

namespace FacePortal.Training.Metric;

/// <summary>What a metric checkpoint is: the people it learnt from, its shape, its epoch and its threshold.</summary>
public sealed record MetricCheckpointInfo(
    IReadOnlyList<string> People,
    int Inputs,
    int Outputs,
    int Epoch,
    double ValidationLoss,
    double ValidationAccuracy,
    float SimilarityThreshold,
    DateTime CreatedAt);

/// <summary>
/// A trained projection head in the one checkpoint format (<see cref="CheckpointFile"/>), with the
/// projection as plain arrays (<see cref="EmbeddingProjection.CheckpointEntry"/>) as its portable
/// entry, which is what recognition loads.
/// </summary>
public sealed record MetricCheckpoint(MetricCheckpointInfo Info, byte[] Weights, EmbeddingProjection Projection) : ITrainedCheckpoint
{
    public CheckpointKind Kind => CheckpointKind.MetricProjection;

    public int Epoch => Info.Epoch;

    public double ValidationLoss => Info.ValidationLoss;

    public double ValidationAccuracy => Info.ValidationAccuracy;

    /// <summary>Reads a metric from a checkpoint file, of this format or the one before.</summary>
    public static MetricCheckpoint Load(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var stream = new MemoryStream(file);
        var contents = CheckpointFile.Read(stream);
        return new MetricCheckpoint(contents.InfoOf<MetricCheckpointInfo>(CheckpointKind.MetricProjection), contents.Weights, EmbeddingProjection.FromCheckpoint(file));
    }

    public void Save(Stream stream) =>
        CheckpointFile.Write(stream, Kind, Info, Weights, EmbeddingProjection.CheckpointEntry, Projection.ToBytes());
}
