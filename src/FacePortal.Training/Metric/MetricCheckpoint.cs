using System.IO.Compression;
using System.Text.Json;
using FacePortal.Shared.Search;

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
/// A trained projection head as a file: a zip of <c>metric.json</c>, TorchSharp's weights and the
/// same projection as plain arrays (<see cref="EmbeddingProjection.CheckpointEntry"/>), which is what
/// recognition loads.
/// </summary>
public sealed record MetricCheckpoint(MetricCheckpointInfo Info, byte[] Weights, EmbeddingProjection Projection)
{
    public const string InfoEntry = "metric.json";
    private const string WeightsEntry = "weights.bin";

    public void Save(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var json = zip.CreateEntry(InfoEntry).Open())
        {
            JsonSerializer.Serialize(json, Info, new JsonSerializerOptions { WriteIndented = true });
        }

        using (var weights = zip.CreateEntry(WeightsEntry).Open())
        {
            weights.Write(Weights);
        }

        using var projection = zip.CreateEntry(EmbeddingProjection.CheckpointEntry).Open();
        projection.Write(Projection.ToBytes());
    }

    public byte[] ToBytes()
    {
        using var file = new MemoryStream();
        Save(file);
        return file.ToArray();
    }
}
