using Hangfire;

namespace FacePortal.Web.Health;

/// <summary>
/// Healthy when the job storage answers its monitoring query: the queue every web node hands jobs to
/// and every worker takes them from. Reports counts only, never a job's arguments.
/// </summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var kind = storage.GetType().Name;
        try
        {
            var statistics = storage.GetMonitoringApi().GetStatistics();
            var data = new Dictionary<string, object>
            {
                ["storage"] = kind,
                ["servers"] = statistics.Servers,
                ["enqueued"] = statistics.Enqueued,
                ["processing"] = statistics.Processing,
                ["failed"] = statistics.Failed,
            };
            return Task.FromResult(HealthCheckResult.Healthy($"{kind} answers; {statistics.Servers} job servers, {statistics.Enqueued} jobs waiting.", data));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The job storage ({kind}) does not answer: {ex.GetBaseException().Message}", ex, new Dictionary<string, object> { ["storage"] = kind }));
        }
    }
}
