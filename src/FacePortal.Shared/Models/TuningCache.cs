using System.Text.Json;

namespace FacePortal.Shared.Models;

/// <summary>A decision as stored: what it was measured for, what won, and the figures behind it.</summary>
public sealed record CachedTuning(TuningKey Key, string Setting, IReadOnlyList<SettingTiming> Timings, DateTimeOffset MeasuredAt);

/// <summary>
/// Tuning decisions on disk, one small JSON file per model file and thread count (the CLI and the
/// web app may run with different counts). A file for another key (a new model, CPU or runtime) or
/// one that cannot be read counts as absent, and is replaced.
/// </summary>
public sealed class TuningCache(string directory)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Directory { get; } = Path.GetFullPath(directory);

    public string PathFor(string modelFile, int intraOpThreads) =>
        Path.Combine(Directory, $"{Path.GetFileName(modelFile)}.{intraOpThreads}-thread.json");

    public CachedTuning? Read(string modelFile, TuningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            var entry = JsonSerializer.Deserialize<CachedTuning>(File.ReadAllBytes(PathFor(modelFile, key.IntraOpThreads)), Json);
            return entry is not null && entry.Key == key ? entry : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Stores a decision (write, then rename: readers never see half a file). Returns a note when it could not.</summary>
    public string? Write(string modelFile, CachedTuning entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var path = PathFor(modelFile, entry.Key.IntraOpThreads);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(entry, Json));
            File.Move(temporary, path, overwrite: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing was written, or the folder is read-only: either way there is nothing to clean.
            }

            return $"not cached ({Directory} is not writable: {ex.Message}); it is timed again at every start";
        }
    }
}
