using FacePortal.Core.Hosting;
using FacePortal.Shared.Models;

namespace FacePortal.Core.Recognition;

/// <summary>
/// Loads the face models, each file checked against its pinned hash and its session tuned (or the
/// tuning read from the cache), so that a missing or altered file stops the start instead of a first request.
/// </summary>
public sealed class FaceModelsStep(IServiceProvider services, ILogger<FaceModelsStep> logger) : IStartupStep
{
    public string Name => "load the face models";

    public int Order => StartupOrder.FaceModels;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        // The pipeline's first resolution is what loads the models.
        _ = services.GetRequiredService<FacePipeline>();
        var models = services.GetRequiredService<FaceModels>();
        logger.LogInformation(
            "Face models loaded from {Directory} in {LoadMs:0} ms; execution provider {Provider} ({Note}); {Threads} intra-op thread(s) per session; tuning {Tuning}",
            models.Directory, models.LoadTime.TotalMilliseconds, models.ExecutionProvider, models.ExecutionProviderNote ?? "device found", models.Options.IntraOpThreads, models.Options.Tuning);
        return Task.CompletedTask;
    }
}
