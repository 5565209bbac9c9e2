using FacePortal.Shared.Faces;
using FacePortal.Shared.Models;

namespace FacePortal.Web.Hosting;

/// <summary>Loads the models once at start-up (so a missing or altered file stops the app) and registers the shared pipeline.</summary>
public static class FacePipelineRegistration
{
    public static IServiceCollection AddFacePipeline(this IServiceCollection services, IConfiguration configuration, ILogger logger)
    {
        var modelOptions = configuration.GetSection("FacePortal:Models").Get<FaceModelOptions>() ?? new FaceModelOptions();
        var pipelineOptions = configuration.GetSection("FacePortal:Pipeline").Get<FacePipelineOptions>() ?? new FacePipelineOptions();

        var models = FaceModels.LoadPipeline(modelOptions);
        logger.LogInformation(
            "Face models loaded from {Directory} in {LoadMs:0} ms; execution provider {Provider} ({Note}); {Threads} intra-op thread(s) per session",
            models.Directory, models.LoadTime.TotalMilliseconds, models.ExecutionProvider, models.ExecutionProviderNote ?? "device found", modelOptions.IntraOpThreads);

        var pipeline = new FacePipeline(models, pipelineOptions);
        var warmup = PipelineWarmup.Run(pipeline);
        logger.LogInformation("Warm-up inference took {WarmupMs:0.0} ms", warmup.Total.TotalMilliseconds);

        services.AddSingleton(models);
        services.AddSingleton(pipelineOptions);
        services.AddSingleton(pipeline);
        services.AddSingleton(new PipelineStatus(models, warmup));
        services.AddHealthChecks().AddCheck<FacePipelineHealthCheck>("face-pipeline");
        return services;
    }
}
