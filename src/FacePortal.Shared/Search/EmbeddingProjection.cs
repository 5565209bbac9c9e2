using System.Buffers.Binary;
using System.IO.Compression;
using FacePortal.Shared.Faces.Embeddings;

namespace FacePortal.Shared.Search;

/// <summary>
/// A learned metric (a triplet-loss projection head) evaluated in plain C# with SIMD: a dense layer
/// from the embedding to a smaller space, then unit length, so a dot product there is the learned
/// similarity. It carries the similarity threshold calibrated for that space. Thread-safe, so the
/// gallery and every frame use it without TorchSharp (the Training project exports it).
/// </summary>
public sealed class EmbeddingProjection
{
    /// <summary>The entry of a checkpoint file (a zip) that holds the projection in this form.</summary>
    public const string CheckpointEntry = "projection.bin";

    private const uint Magic = 0x31504546; // "FEP1"
    private const int HeaderBytes = 16;

    private readonly float[] _weights;
    private readonly float[] _bias;

    private EmbeddingProjection(int inputs, int outputs, float threshold, float[] weights, float[] bias)
    {
        if (inputs <= 0 || outputs <= 0 || weights.Length != inputs * outputs || bias.Length != outputs)
        {
            throw new ArgumentException("The projection's arrays do not match its shape.");
        }

        (Inputs, Outputs, SimilarityThreshold, _weights, _bias) = (inputs, outputs, threshold, weights, bias);
    }

    public int Inputs { get; }

    public int Outputs { get; }

    /// <summary>Similarity in the projected space at or above which a face is named (calibrated when trained).</summary>
    public float SimilarityThreshold { get; }

    /// <param name="weights">Outputs x Inputs, row-major (a dense layer's weight).</param>
    public static EmbeddingProjection FromParameters(float[] weights, float[] bias, float similarityThreshold)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        return new EmbeddingProjection(weights.Length / Math.Max(1, bias.Length), bias.Length, similarityThreshold, weights, bias);
    }

    /// <summary>The same projection with another threshold (the one calibrated after training).</summary>
    public EmbeddingProjection WithThreshold(float similarityThreshold) => new(Inputs, Outputs, similarityThreshold, _weights, _bias);

    /// <summary>Projects one embedding into <paramref name="output"/> (<see cref="Outputs"/> values, unit length).</summary>
    public void Project(ReadOnlySpan<float> embedding, Span<float> output)
    {
        if (embedding.Length != Inputs)
        {
            throw new ArgumentException($"The projection takes {Inputs} values; this input has {embedding.Length}.", nameof(embedding));
        }

        if (output.Length != Outputs)
        {
            throw new ArgumentException($"The projection gives {Outputs} values; the output has room for {output.Length}.", nameof(output));
        }

        for (var o = 0; o < Outputs; o++)
        {
            output[o] = TensorPrimitives.Dot(_weights.AsSpan(o * Inputs, Inputs), embedding) + _bias[o];
        }

        EmbeddingMath.Normalize(output);
    }

    public float[] Project(ReadOnlySpan<float> embedding)
    {
        var output = new float[Outputs];
        Project(embedding, output);
        return output;
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[HeaderBytes + ((_weights.Length + _bias.Length) * 4)];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), Inputs);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), Outputs);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(12), SimilarityThreshold);
        var offset = HeaderBytes;
        foreach (var value in _weights.Concat(_bias))
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(offset), value);
            offset += 4;
        }

        return bytes;
    }

    public static EmbeddingProjection FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderBytes || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
        {
            throw new InvalidDataException("Not a FacePortal embedding projection.");
        }

        var inputs = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        var outputs = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        var threshold = BinaryPrimitives.ReadSingleLittleEndian(bytes[12..]);
        if (inputs <= 0 || outputs <= 0 || bytes.Length != HeaderBytes + (4L * ((long)inputs * outputs + outputs)))
        {
            throw new InvalidDataException("The embedding projection is truncated or damaged.");
        }

        var values = new float[(inputs * outputs) + outputs];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(HeaderBytes + (i * 4))..]);
        }

        return new EmbeddingProjection(inputs, outputs, threshold, values[..(inputs * outputs)], values[(inputs * outputs)..]);
    }

    /// <summary>Whether a checkpoint file is a learned metric (it holds <see cref="CheckpointEntry"/>) rather than a classifier.</summary>
    public static bool IsIn(byte[] checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var zip = new ZipArchive(new MemoryStream(checkpoint), ZipArchiveMode.Read);
        return zip.GetEntry(CheckpointEntry) is not null;
    }

    /// <summary>Reads the projection from a checkpoint file (see <see cref="CheckpointEntry"/>).</summary>
    public static EmbeddingProjection FromCheckpoint(byte[] checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var zip = new ZipArchive(new MemoryStream(checkpoint), ZipArchiveMode.Read);
        var entry = zip.GetEntry(CheckpointEntry) ?? throw new InvalidDataException($"The model file has no {CheckpointEntry}.");
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return FromBytes(buffer.ToArray());
    }
}
