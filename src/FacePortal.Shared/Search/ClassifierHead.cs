using System.Buffers.Binary;

namespace FacePortal.Shared.Search;

/// <summary>
/// A trained transfer head evaluated in plain C# with SIMD: dense, batch norm (running statistics),
/// ReLU, dense, softmax. Thread-safe and allocation-light, so live recognition can use a trained model
/// on every frame without TorchSharp (the Training project exports it from its checkpoints).
/// </summary>
public sealed class ClassifierHead
{
    /// <summary>The entry of a checkpoint file (a zip) that holds the head in this form.</summary>
    public const string CheckpointEntry = "classifier.bin";

    private const uint Magic = 0x31484346; // "FCH1"

    private readonly float[] _weights1;
    private readonly float[] _bias1;
    private readonly float[] _scale;
    private readonly float[] _shift;
    private readonly float[] _weights2;
    private readonly float[] _bias2;

    private ClassifierHead(int inputs, int hidden, int classes, float[] weights1, float[] bias1, float[] scale, float[] shift, float[] weights2, float[] bias2)
    {
        if (weights1.Length != hidden * inputs || bias1.Length != hidden || scale.Length != hidden || shift.Length != hidden || weights2.Length != classes * hidden || bias2.Length != classes)
        {
            throw new ArgumentException("The head's arrays do not match its shape.");
        }

        (Inputs, Hidden, Classes) = (inputs, hidden, classes);
        (_weights1, _bias1, _scale, _shift, _weights2, _bias2) = (weights1, bias1, scale, shift, weights2, bias2);
    }

    /// <summary>
    /// From a trained network's parameters. Batch norm at inference is an affine map per unit
    /// (y = x * scale + shift), folded here once.
    /// </summary>
    /// <param name="weights1">Hidden x Inputs, row-major.</param>
    /// <param name="weights2">Classes x Hidden, row-major.</param>
    public static ClassifierHead FromParameters(
        float[] weights1, float[] bias1, float[] normWeight, float[] normBias, float[] runningMean, float[] runningVar, float epsilon, float[] weights2, float[] bias2)
    {
        ArgumentNullException.ThrowIfNull(weights1);
        ArgumentNullException.ThrowIfNull(bias1);
        ArgumentNullException.ThrowIfNull(normWeight);
        ArgumentNullException.ThrowIfNull(normBias);
        ArgumentNullException.ThrowIfNull(runningMean);
        ArgumentNullException.ThrowIfNull(runningVar);
        ArgumentNullException.ThrowIfNull(weights2);
        ArgumentNullException.ThrowIfNull(bias2);
        var hidden = bias1.Length;
        var scale = new float[hidden];
        var shift = new float[hidden];
        for (var i = 0; i < hidden; i++)
        {
            scale[i] = normWeight[i] / MathF.Sqrt(runningVar[i] + epsilon);
            shift[i] = normBias[i] - (runningMean[i] * scale[i]);
        }

        return new ClassifierHead(weights1.Length / Math.Max(1, hidden), hidden, bias2.Length, weights1, bias1, scale, shift, weights2, bias2);
    }

    public int Inputs { get; }

    public int Hidden { get; }

    public int Classes { get; }

    /// <summary>Softmax probabilities of each class for one embedding.</summary>
    public float[] Probabilities(ReadOnlySpan<float> features)
    {
        if (features.Length != Inputs)
        {
            throw new ArgumentException($"The head takes {Inputs} values; this input has {features.Length}.", nameof(features));
        }

        Span<float> hidden = Hidden <= 1024 ? stackalloc float[Hidden] : new float[Hidden];
        for (var h = 0; h < Hidden; h++)
        {
            var value = TensorPrimitives.Dot(_weights1.AsSpan(h * Inputs, Inputs), features) + _bias1[h];
            hidden[h] = MathF.Max(0, (value * _scale[h]) + _shift[h]);
        }

        var logits = new float[Classes];
        for (var c = 0; c < Classes; c++)
        {
            logits[c] = TensorPrimitives.Dot(_weights2.AsSpan(c * Hidden, Hidden), hidden) + _bias2[c];
        }

        TensorPrimitives.SoftMax(logits, logits);
        return logits;
    }

    public byte[] ToBytes()
    {
        float[][] arrays = [_weights1, _bias1, _scale, _shift, _weights2, _bias2];
        var bytes = new byte[16 + (arrays.Sum(a => a.Length) * 4)];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), Inputs);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), Hidden);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), Classes);
        var offset = 16;
        foreach (var array in arrays)
        {
            foreach (var value in array)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(offset), value);
                offset += 4;
            }
        }

        return bytes;
    }

    public static ClassifierHead FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 16 || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
        {
            throw new InvalidDataException("Not a FacePortal classifier head.");
        }

        var inputs = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        var hidden = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        var classes = BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]);
        var counts = new[] { hidden * inputs, hidden, hidden, hidden, classes * hidden, classes };
        if (inputs <= 0 || hidden <= 0 || classes <= 0 || bytes.Length != 16 + (4L * counts.Sum()))
        {
            throw new InvalidDataException("The classifier head is truncated or damaged.");
        }

        var arrays = new float[counts.Length][];
        var offset = 16;
        for (var a = 0; a < counts.Length; a++)
        {
            arrays[a] = new float[counts[a]];
            for (var i = 0; i < counts[a]; i++, offset += 4)
            {
                arrays[a][i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[offset..]);
            }
        }

        return new ClassifierHead(inputs, hidden, classes, arrays[0], arrays[1], arrays[2], arrays[3], arrays[4], arrays[5]);
    }

    /// <summary>Reads the head from a checkpoint file (see <see cref="CheckpointEntry"/>).</summary>
    public static ClassifierHead FromCheckpoint(byte[] checkpoint)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(checkpoint), System.IO.Compression.ZipArchiveMode.Read);
        var entry = zip.GetEntry(CheckpointEntry) ?? throw new InvalidDataException($"The model file has no {CheckpointEntry}.");
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return FromBytes(buffer.ToArray());
    }
}
