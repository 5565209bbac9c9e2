using FacePortal.Shared.Models;

namespace FacePortal.Web.Health;

/// <summary>What the health page and /healthz report: the loaded models, the provider, each session's tuning and the warm-up time.</summary>
public sealed class PipelineStatus(FaceModels models, WarmupReport warmup)
{
    public IReadOnlyList<string> ModelFiles { get; } = models.LoadedFiles.Order(StringComparer.Ordinal).ToList();

    public string ModelDirectory { get; } = models.Directory;

    public string ExecutionProvider { get; } = models.ExecutionProvider;

    public string? ExecutionProviderNote { get; } = models.ExecutionProviderNote;

    public bool IsGpuBuild { get; } = FaceModels.IsGpuBuild;

    public int IntraOpThreads { get; } = models.Options.IntraOpThreads;

    public bool ChecksumsVerified { get; } = models.Options.VerifyChecksums;

    public TimeSpan LoadTime { get; } = models.LoadTime;

    public SessionTuning Tuning { get; } = models.Options.Tuning;

    public string TuningCacheDirectory { get; } = models.Options.ResolveTuningCacheDirectory();

    /// <summary>Per model file: the session setting in use, what was measured and where the decision came from.</summary>
    public IReadOnlyDictionary<string, SessionTuningReport> ModelTuning { get; } = models.Tuning;

    public WarmupReport Warmup { get; } = warmup;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
}
