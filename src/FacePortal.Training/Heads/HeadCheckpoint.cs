using System.IO.Compression;
using System.Text.Json;
using FacePortal.Shared.Search;
using FacePortal.Training.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace FacePortal.Training.Heads;

/// <summary>What a checkpoint is: its people, its shape, where it came from and how good it was.</summary>
public sealed record HeadCheckpointInfo(
    IReadOnlyList<string> Classes,
    int Inputs,
    int HiddenSize,
    double Dropout,
    int Epoch,
    double ValidationLoss,
    double ValidationAccuracy,
    DateTime CreatedAt);

/// <summary>
/// A trained head with its description, ready for inference (evaluation mode). Stored as a zip of
/// <c>head.json</c> and <c>weights.bin</c> (TorchSharp's format), so a file says what it holds.
/// </summary>
public sealed class HeadCheckpoint : IDisposable
{
    private const string InfoEntry = "head.json";
    private const string WeightsEntry = "weights.bin";
    private readonly TransferHead _head;

    private HeadCheckpoint(HeadCheckpointInfo info, byte[] weights)
    {
        Info = info;
        Weights = weights;
        lock (TorchGate.Lock)
        {
            _head = new TransferHead(info.Inputs, info.HiddenSize, info.Classes.Count, info.Dropout);
            using var stream = new MemoryStream(weights);
            _head.load(stream);
            _head.eval();
            Classifier = _head.ToClassifierHead();
        }
    }

    public HeadCheckpointInfo Info { get; }

    public byte[] Weights { get; }

    /// <summary>The same head as plain C#, written into the file for recognition to use.</summary>
    public ClassifierHead Classifier { get; }

    public static HeadCheckpoint FromWeights(HeadCheckpointInfo info, byte[] weights)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(weights);
        return new HeadCheckpoint(info, weights);
    }

    public static HeadCheckpoint Load(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var infoEntry = zip.GetEntry(InfoEntry) ?? throw new InvalidDataException($"Not a FacePortal model: {InfoEntry} is missing.");
        var weightsEntry = zip.GetEntry(WeightsEntry) ?? throw new InvalidDataException($"Not a FacePortal model: {WeightsEntry} is missing.");
        HeadCheckpointInfo info;
        using (var json = infoEntry.Open())
        {
            info = JsonSerializer.Deserialize<HeadCheckpointInfo>(json) ?? throw new InvalidDataException("The model description is empty.");
        }

        using var weights = new MemoryStream();
        using (var source = weightsEntry.Open())
        {
            source.CopyTo(weights);
        }

        return new HeadCheckpoint(info, weights.ToArray());
    }

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

        using var classifier = zip.CreateEntry(ClassifierHead.CheckpointEntry).Open();
        classifier.Write(Classifier.ToBytes());
    }

    /// <summary>The most probable class of each row, and its softmax probability.</summary>
    public (int[] Labels, float[] Probabilities) Predict(FeatureSet features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0)
        {
            return ([], []);
        }

        lock (TorchGate.Lock)
        {
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var x = torch.tensor(features.Values, [features.Count, features.Dimensions]);
            var probabilities = nn.functional.softmax(_head.forward(x), 1);
            var (values, indices) = probabilities.max(1);
            return (indices.data<long>().Select(i => (int)i).ToArray(), values.data<float>().ToArray());
        }
    }

    public void Dispose() => _head.Dispose();
}
