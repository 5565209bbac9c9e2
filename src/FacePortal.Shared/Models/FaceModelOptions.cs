using System.ComponentModel.DataAnnotations;
using FacePortal.Shared.Installation;

namespace FacePortal.Shared.Models;

/// <summary>Where the ONNX models live and how inference runs. Bound from the "FacePortal:Models" configuration section.</summary>
public sealed record FaceModelOptions
{
    public const string Section = "FacePortal:Models";

    public const string RestoreCommand = "scripts/setup.sh (run by ./run.sh and ./test.sh)";

    /// <summary>Folder holding the model files; a relative path is resolved against the install root (<see cref="InstallLocation"/>), never the working directory.</summary>
    [Required]
    public string Directory { get; init; } = "models/onnx";

    /// <summary>Intra-op threads per session run. One keeps concurrent requests from fighting over the cores.</summary>
    [Range(1, 256)]
    public int IntraOpThreads { get; init; } = 1;

    [EnumDataType(typeof(ExecutionProviderPreference))]
    public ExecutionProviderPreference ExecutionProvider { get; init; } = ExecutionProviderPreference.Auto;

    /// <summary>Check each file against the SHA-256 pinned in the repository before loading it.</summary>
    public bool VerifyChecksums { get; init; } = true;

    /// <summary>How each CPU session's settings are chosen (see <see cref="SessionTuning"/>). CUDA sessions are never tuned.</summary>
    public SessionTuning Tuning { get; init; } = SessionTuning.Auto;

    /// <summary>
    /// Where <see cref="SessionTuning.Auto"/> keeps its decisions; empty means <c>.tuning</c> inside
    /// <see cref="Directory"/>. When it cannot be written (a read-only image), tuning still runs, at every start.
    /// </summary>
    public string? TuningCacheDirectory { get; init; }

    /// <summary>The absolute model folder.</summary>
    public string ResolveDirectory() => InstallLocation.Current.Resolve(Directory);

    /// <summary>The absolute folder of the tuning cache; a relative setting is resolved as <see cref="Directory"/> is.</summary>
    public string ResolveTuningCacheDirectory() =>
        string.IsNullOrWhiteSpace(TuningCacheDirectory) ? Path.Combine(ResolveDirectory(), ".tuning") : InstallLocation.Current.Resolve(TuningCacheDirectory);
}

public enum ExecutionProviderPreference
{
    /// <summary>CUDA when this is the GPU build and a device answers, else CPU.</summary>
    Auto,
    Cpu,
    Cuda,
}
