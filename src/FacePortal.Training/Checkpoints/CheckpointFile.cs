using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FacePortal.Training.Checkpoints;

/// <summary>
/// The one checkpoint format of every trained model: a zip of <c>checkpoint.json</c> (format
/// version, kind and the kind's description), <c>weights.bin</c> (TorchSharp's format, to resume or
/// re-evaluate) and, for the kinds recognition uses, the kind's portable entry (the same network
/// as plain arrays, which recognition loads without TorchSharp). Version 1 files, written before the format had an envelope, hold
/// <c>head.json</c> (a transfer head) or <c>metric.json</c> (a metric) instead; they still load.
/// </summary>
public static class CheckpointFile
{
    public const int FormatVersion = 2;
    public const string DescriptionEntry = "checkpoint.json";
    public const string WeightsEntry = "weights.bin";

    // Version 1: the kind was told by which description the zip held.
    private const string LegacyHeadEntry = "head.json";
    private const string LegacyMetricEntry = "metric.json";

    internal static JsonSerializerOptions Json { get; } = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// <param name="portableEntry">The kind's plain-array entry, or null for a kind recognition never loads (the CNN from scratch).</param>
    public static void Write<TInfo>(Stream stream, CheckpointKind kind, TInfo info, byte[] weights, string? portableEntry = null, byte[]? portable = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(weights);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var json = zip.CreateEntry(DescriptionEntry).Open())
        {
            JsonSerializer.Serialize(json, new Envelope(FormatVersion, kind, JsonSerializer.SerializeToElement(info, Json)), Json);
        }

        using (var entry = zip.CreateEntry(WeightsEntry).Open())
        {
            entry.Write(weights);
        }

        if (portableEntry is not null)
        {
            ArgumentNullException.ThrowIfNull(portable);
            using var portableStream = zip.CreateEntry(portableEntry).Open();
            portableStream.Write(portable);
        }
    }

    public static CheckpointContents Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var (version, kind, info) = ReadDescription(zip);
        var weightsEntry = zip.GetEntry(WeightsEntry) ?? throw new InvalidDataException($"Not a FacePortal model: {WeightsEntry} is missing.");
        using var source = weightsEntry.Open();
        using var weights = new MemoryStream();
        source.CopyTo(weights);
        return new CheckpointContents(version, kind, info, weights.ToArray());
    }

    private static (int Version, CheckpointKind Kind, JsonElement Info) ReadDescription(ZipArchive zip)
    {
        if (zip.GetEntry(DescriptionEntry) is { } description)
        {
            using var json = description.Open();
            var envelope = JsonSerializer.Deserialize<Envelope>(json, Json) ?? throw new InvalidDataException("The model description is empty.");
            return envelope.FormatVersion > FormatVersion
                ? throw new InvalidDataException($"The model file is of format {envelope.FormatVersion}; this version of FacePortal reads up to {FormatVersion}.")
                : (envelope.FormatVersion, envelope.Kind, envelope.Info);
        }

        var (legacy, kind) = zip.GetEntry(LegacyHeadEntry) is { } head ? (head, CheckpointKind.TransferHead)
            : zip.GetEntry(LegacyMetricEntry) is { } metric ? (metric, CheckpointKind.MetricProjection)
            : throw new InvalidDataException($"Not a FacePortal model: {DescriptionEntry} is missing.");
        using var legacyJson = legacy.Open();
        return (1, kind, JsonSerializer.Deserialize<JsonElement>(legacyJson));
    }

    private sealed record Envelope(int FormatVersion, CheckpointKind Kind, JsonElement Info);
}
