namespace FacePortal.Web.Health;

/// <summary>Runs the warm-up inference the health report shows (<see cref="PipelineStatus"/>), right after the models load, so the first request does not pay for it.</summary>
public sealed class PipelineWarmupStep(IServiceProvider services, ILogger<PipelineWarmupStep> logger) : IStartupStep
{
    public string Name => "warm up the face pipeline";

    public int Order => StartupOrder.PipelineWarmup;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        var status = services.GetRequiredService<PipelineStatus>();
        logger.LogInformation("Warm-up inference took {WarmupMs:0.0} ms", status.Warmup.Total.TotalMilliseconds);
        return Task.CompletedTask;
    }
}
