namespace FacePortal.Shared.Models;

/// <summary>What a tuning decision holds for besides the model itself: the processor, the runtime and the threads per run.</summary>
public sealed record TuningEnvironment(string Cpu, string OrtVersion, int IntraOpThreads)
{
    public static TuningEnvironment Current(int intraOpThreads) =>
        new(CpuIdentity.Key, OrtEnv.Instance().GetVersionString(), Math.Max(1, intraOpThreads));
}

/// <summary>Everything a cached decision depends on; any change means timing again.</summary>
/// <param name="Format">How decisions are measured and stored; a change makes older decisions count as absent.</param>
public sealed record TuningKey(string Cpu, string OrtVersion, string ModelSha256, int IntraOpThreads, string Candidates, int Format)
{
    public const int CurrentFormat = 2;

    public static TuningKey For(TuningEnvironment environment, string modelSha256)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new TuningKey(
            environment.Cpu,
            environment.OrtVersion,
            modelSha256,
            environment.IntraOpThreads,
            string.Join(" | ", SessionSetting.Candidates.Select(c => c.Name)),
            CurrentFormat);
    }
}
