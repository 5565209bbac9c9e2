using FacePortal.Core.Auditing;
using FacePortal.Core.Configuration;
using FacePortal.Core.Data;
using FacePortal.Core.People;
using FacePortal.Core.People.Transfer;
using FacePortal.Core.Recognition;
using FacePortal.Core.Storage;
using FacePortal.Core.Training;
using FacePortal.Shared.Faces;
using FacePortal.Shared.Faces.Attributes;
using FacePortal.Shared.Models;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Core;

/// <summary>
/// Everything Core provides, for whichever process hosts it: the database, the blob store, the face
/// pipeline, people, recognition and training jobs. Settings are read from the host's configuration
/// and validated when it starts.
/// </summary>
public static class CoreRegistration
{
    public static IServiceCollection AddFacePortalCore(this IServiceCollection services, string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        services.AddFacePortalDatabase(dataDirectory);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new DataDirectory(dataDirectory));
        services.AddSingleton(new BlobStore(Path.Combine(dataDirectory, "blobs")));
        services.AddSingleton<AuditTrail>();
        AddFacePipeline(services);
        AddPeople(services);
        AddRecognition(services);
        AddTraining(services);
        return services;
    }

    private static void AddFacePipeline(IServiceCollection services)
    {
        services.AddValidatedOptions<FaceModelOptions>(FaceModelOptions.Section);
        services.AddValidatedOptions<FacePipelineOptions>(FacePipelineOptions.Section);

        // Loaded on first use, which is the host's start-up, so a missing or altered file stops the start.
        services.AddSingleton(sp => FaceModels.LoadPipeline(sp.GetRequiredService<FaceModelOptions>()));
        services.AddSingleton(sp => new FacePipeline(sp.GetRequiredService<FaceModels>(), sp.GetRequiredService<FacePipelineOptions>()));

        // Its models load on the first request that asks for each attribute, not at start-up.
        services.AddSingleton(sp => new FaceAttributeAnalyzer(sp.GetRequiredService<FaceModelOptions>()));
    }

    private static void AddPeople(IServiceCollection services)
    {
        services.AddValidatedOptions<EnrollmentOptions>(EnrollmentOptions.Section);
        services.AddSingleton<PeopleService>();
        services.AddSingleton<MediaService>();
        services.AddSingleton<EnrollmentService>();
        services.AddSingleton<FaceSetExporter>();
        services.AddSingleton<FaceSetImporter>();
    }

    private static void AddRecognition(IServiceCollection services)
    {
        services.AddValidatedOptions<RecognitionOptions>(RecognitionOptions.Section);

        // The gallery index and the model in use follow every enrollment and deletion.
        services.AddSingleton<RecognitionGallery>();
        services.AddSingleton<IGalleryListener>(sp => sp.GetRequiredService<RecognitionGallery>());
        services.AddSingleton<ActiveModelService>();
        services.AddSingleton<IGalleryListener>(sp => sp.GetRequiredService<ActiveModelService>());
        services.AddSingleton<FaceRecognizer>();
    }

    private static void AddTraining(IServiceCollection services)
    {
        services.AddSingleton<TrainingJobs>();
        services.AddSingleton<TrainingEpochs>();
        services.AddSingleton<TrainedModels>();
        services.AddSingleton<RetrainSchedules>();
        services.AddSingleton<TrainingJobRunner>();
        services.AddSingleton<ScheduledRetrain>();
    }
}
