using System.Text.Json;
using System.Text.Json.Serialization;

namespace FacePortal.Shared.OpenSet;

/// <summary>
/// The embedding model's impostor score tails, measured once on labelled photos by
/// <c>./faceportal calibrate</c> and shipped inside this assembly (<c>OpenSet/impostor-statistics.json</c>).
/// They belong to one model file: <see cref="ModelSha256"/> must be the pinned hash of the embedder, so a
/// new model cannot silently inherit another's rates.
/// </summary>
public sealed record ImpostorStatistics(
    string ModelFile,
    string ModelSha256,
    string Source,
    DateTimeOffset Created,
    int Identities,
    int Faces,
    long Comparisons,
    int FitSize,
    float[] HighestScores)
{
    public const string ResourceName = "FacePortal.Shared.impostor-statistics.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public ImpostorProfile ToProfile() => new([new ScoreTail(HighestScores, Comparisons, FitSize)]);

    public static ImpostorStatistics From(ImpostorProfile profile, string source, int identities, int faces, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Tails is not [var pooled])
        {
            throw new ArgumentException("The shipped statistics are one pooled tail.", nameof(profile));
        }

        return new ImpostorStatistics(
            FacePortal.Shared.Models.ModelFile.Embedder,
            ModelManifest.Embedded.Hashes[FacePortal.Shared.Models.ModelFile.Embedder],
            source,
            created,
            identities,
            faces,
            pooled.Total,
            pooled.FitSize,
            pooled.Top.Select(s => MathF.Round(s, 5)).ToArray());
    }

    /// <summary>The statistics shipped with this build; throws when they were measured with another embedding model.</summary>
    public static ImpostorStatistics Shipped { get; } = LoadShipped();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImpostorStatistics Parse(string json) =>
        JsonSerializer.Deserialize<ImpostorStatistics>(json, Json) ?? throw new InvalidDataException("The impostor statistics are empty.");

    /// <summary>Null when these statistics belong to the pinned embedding model; otherwise what is wrong.</summary>
    public string? MismatchWithPinnedModel()
    {
        var pinned = ModelManifest.Embedded.Hashes.GetValueOrDefault(FacePortal.Shared.Models.ModelFile.Embedder);
        return pinned == ModelSha256
            ? null
            : $"The shipped impostor statistics were measured with {ModelFile} {ModelSha256[..12]}, but the pinned model is {pinned?[..12] ?? "unknown"}: run ./faceportal calibrate and rebuild.";
    }

    private static ImpostorStatistics LoadShipped()
    {
        using var stream = typeof(ImpostorStatistics).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The impostor statistics are missing from the build (OpenSet/impostor-statistics.json).");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
