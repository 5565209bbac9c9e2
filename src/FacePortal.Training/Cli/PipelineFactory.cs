using FacePortal.Shared.Faces;
using FacePortal.Shared.Models;

namespace FacePortal.Training.Cli;

/// <summary>Builds the face pipeline from the common options: --models DIR, --threads N.</summary>
public static class PipelineFactory
{
    public static (FaceModels Models, FacePipeline Pipeline) Create(CommandArguments args, int defaultThreads = 1)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new FaceModelOptions
        {
            Directory = args.Optional("models") ?? new FaceModelOptions().Directory,
            IntraOpThreads = args.Int("threads", defaultThreads),
        };
        var models = FaceModels.LoadPipeline(options);
        return (models, new FacePipeline(models, new FacePipelineOptions()));
    }
}
