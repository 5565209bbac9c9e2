using FacePortal.Training.Checkpoints;
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
/// A trained head with its description, ready for inference (evaluation mode). Stored in the one
/// checkpoint format (<see cref="CheckpointFile"/>) with <see cref="ClassifierHead.CheckpointEntry"/>
/// as its portable entry, so a file says what it holds.
/// </summary>
public sealed class HeadCheckpoint : ITrainedCheckpoint, IDisposable
{
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

    public CheckpointKind Kind => CheckpointKind.TransferHead;

    public int Epoch => Info.Epoch;

    public double ValidationLoss => Info.ValidationLoss;

    public double ValidationAccuracy => Info.ValidationAccuracy;

    public static HeadCheckpoint FromWeights(HeadCheckpointInfo info, byte[] weights)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(weights);
        return new HeadCheckpoint(info, weights);
    }

    /// <summary>Reads a transfer head from a checkpoint file, of this format or the one before.</summary>
    public static HeadCheckpoint Load(Stream stream)
    {
        var contents = CheckpointFile.Read(stream);
        return new HeadCheckpoint(contents.InfoOf<HeadCheckpointInfo>(CheckpointKind.TransferHead), contents.Weights);
    }

    public void Save(Stream stream) =>
        CheckpointFile.Write(stream, Kind, Info, Weights, ClassifierHead.CheckpointEntry, Classifier.ToBytes());

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
