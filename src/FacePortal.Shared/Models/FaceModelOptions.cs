using System.ComponentModel.DataAnnotations;

namespace FacePortal.Shared.Models;

/// <summary>Where the ONNX models live and how inference runs. Bound from the "FacePortal:Models" configuration section.</summary>
public sealed record FaceModelOptions
{
    public const string Section = "FacePortal:Models";

    public const string RestoreCommand = "scripts/setup.sh (run by ./run.sh and ./test.sh)";

    /// <summary>Folder holding the model files; relative paths are resolved against the current directory.</summary>
    [Required]
    public string Directory { get; init; } = "models/onnx";

    /// <summary>Intra-op threads per session run. One keeps concurrent requests from fighting over the cores.</summary>
    [Range(1, 256)]
    public int IntraOpThreads { get; init; } = 1;

    [EnumDataType(typeof(ExecutionProviderPreference))]
    public ExecutionProviderPreference ExecutionProvider { get; init; } = ExecutionProviderPreference.Auto;

    /// <summary>Check each file against the SHA-256 pinned in the repository before loading it.</summary>
    public bool VerifyChecksums { get; init; } = true;
}

public enum ExecutionProviderPreference
{
    /// <summary>CUDA when this is the GPU build and a device answers, else CPU.</summary>
    Auto,
    Cpu,
    Cuda,
}
