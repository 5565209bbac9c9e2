using System.Security.Cryptography;

namespace FacePortal.Shared.Models;

/// <summary>The SHA-256 of every model file, pinned in models/models.sha256 and embedded in this assembly.</summary>
public sealed class ModelManifest
{
    private ModelManifest(IReadOnlyDictionary<string, string> hashes) => Hashes = hashes;

    /// <summary>File name to lower-case hex SHA-256.</summary>
    public IReadOnlyDictionary<string, string> Hashes { get; }

    public static ModelManifest Embedded { get; } = LoadEmbedded();

    public static ModelManifest Parse(string sha256sumText)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in sha256sumText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 2)
            {
                hashes[parts[1].TrimStart('*')] = parts[0].ToLowerInvariant();
            }
        }

        return new ModelManifest(hashes);
    }

    /// <summary>Checks one file and returns its SHA-256; throws <see cref="ModelFileException"/> when it is missing, unknown or altered.</summary>
    public string Verify(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        if (!File.Exists(path))
        {
            throw new ModelFileException(
                fileName,
                $"Model file '{fileName}' is missing from '{Path.GetFullPath(directory)}'. Restore it with {FaceModelOptions.RestoreCommand}.");
        }

        if (!Hashes.TryGetValue(fileName, out var expected))
        {
            throw new ModelFileException(fileName, $"Model file '{fileName}' has no pinned SHA-256 in models/models.sha256.");
        }

        var actual = Sha256Of(path);
        if (actual != expected)
        {
            throw new ModelFileException(
                fileName,
                $"Model file '{path}' has SHA-256 {actual}, not the pinned {expected}. Delete it and restore it with {FaceModelOptions.RestoreCommand}.");
        }

        return actual;
    }

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static ModelManifest LoadEmbedded()
    {
        using var stream = typeof(ModelManifest).Assembly.GetManifestResourceStream("FacePortal.Shared.models.sha256")
            ?? throw new InvalidOperationException("The embedded model manifest is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
