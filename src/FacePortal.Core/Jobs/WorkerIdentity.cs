namespace FacePortal.Core.Jobs;

/// <summary>
/// Which process runs a job attempt, as attempts record it: <c>FacePortal:Jobs:WorkerName</c>,
/// else <c>web@machine:pid</c> or <c>worker@machine:pid</c>.
/// </summary>
public sealed record WorkerIdentity(string Name, JobHostRole Role)
{
    public static WorkerIdentity For(JobHostRole role, string? configuredName) =>
        new(string.IsNullOrWhiteSpace(configuredName)
            ? $"{role.ToString().ToLowerInvariant()}@{Environment.MachineName}:{Environment.ProcessId}"
            : configuredName.Trim(), role);
}
