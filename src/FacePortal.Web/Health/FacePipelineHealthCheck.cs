namespace FacePortal.Web.Health;

/// <summary>Healthy once the models are loaded and warmed up (the app does not start otherwise).</summary>
public sealed class FacePipelineHealthCheck(PipelineStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["models"] = status.ModelFiles,
            ["executionProvider"] = status.ExecutionProvider,
            ["warmupMs"] = Math.Round(status.Warmup.Total.TotalMilliseconds, 1),
        };
        return Task.FromResult(HealthCheckResult.Healthy($"{status.ModelFiles.Count} models on {status.ExecutionProvider}", data));
    }
}
