using FacePortal.Core.Hosting;

namespace FacePortal.Core.Recognition;

/// <summary>
/// Loads Main's index, the models in use and the recognition settings from the migrated
/// database. A web node recognises with them; a worker's scheduled retrain compares against the model in use.
/// </summary>
public sealed class GalleryStep(IServiceProvider services, ILogger<GalleryStep> logger) : IStartupStep
{
    public string Name => "load the gallery and the model in use";

    public int Order => StartupOrder.Gallery;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var models = services.GetRequiredService<ActiveModelService>();
        // Main is loaded at start (most installations have no other); other galleries load when first searched.
        var index = await services.GetRequiredService<RecognitionGallery>().GetIndexAsync(Galleries.Gallery.DefaultId, cancellationToken).ConfigureAwait(false);
        await models.LoadAsync(cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<RecognitionSettingsService>().LoadAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "Recognition gallery Main: {Faces} face(s) of {People} people; recognizer: {Recognizer}",
            index.FaceCount, index.PersonCount, models.For(Galleries.Gallery.DefaultId)?.Description ?? "gallery");
    }
}
