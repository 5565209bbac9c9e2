using FacePortal.Core.Applications;
using FacePortal.Core.Configuration;
using FacePortal.Core.Jobs;
using FacePortal.Core.Lab;
using FacePortal.Core.People.Transfer;
using FacePortal.Shared.Analysis;
using FacePortal.Core.Training.Kinds;
using FacePortal.Shared.Faces.Attributes;
using FacePortal.Shared.Models;
using Microsoft.Extensions.DependencyInjection.Extensions;

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

        // Hosts add it themselves; a bare service collection (a tool, a test) gets the same meters.
        services.AddMetrics();
        services.AddSingleton(new DataDirectory(dataDirectory));
        services.AddSingleton(sp => new BlobStore(Path.Combine(dataDirectory, "blobs"), SharedReferenceLock(sp)));
        services.AddSingleton<AuditTrail>();
        AddFacePipeline(services);
        AddPeople(services);
        AddRecognition(services);
        AddTraining(services);
        AddLab(services);
        services.AddSingleton<ApplicationKeyUsage>();
        services.AddSingleton<ApplicationKeys>();
        return services;
    }

    /// <summary>A shared database means other processes store and delete files too: the reference lock must be the database's.</summary>
    private static DatabaseReferenceLock? SharedReferenceLock(IServiceProvider services)
    {
        var provider = services.GetRequiredService<DatabaseOptions>().Provider;
        return provider == DatabaseProvider.Sqlite
            ? null
            : new DatabaseReferenceLock(services.GetRequiredService<IDbContextFactory<FacePortalDbContext>>(), provider);
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
        services.AddSingleton<Galleries.GalleryService>();
        services.AddSingleton<MediaService>();
        services.AddSingleton<EnrollmentMetrics>();
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
        services.AddSingleton<RecognitionMetrics>();

        // One set of quality rules: enrolment refuses, the lab flags and recognition will not name below them.
        services.AddValidatedOptions<QualityRules>(QualityRules.Section);
        services.AddSingleton<RecognitionRate>();
        services.AddSingleton<RecognitionSettingsService>();
        services.AddSingleton<OperatingPointService>();
        services.AddSingleton(sp => new OpenSetDecider(sp.GetRequiredService<QualityRules>(), sp.GetRequiredService<RecognitionOptions>().AmbiguityMargin));
        services.AddSingleton<FaceRecognizer>();

        // "Not this person": admins' negative examples, which the gallery's decision honours.
        services.AddSingleton<Feedback.FeedbackService>();
    }

    private static void AddLab(IServiceCollection services)
    {
        services.AddValidatedOptions<LabOptions>(LabOptions.Section);
        services.AddSingleton<EmbeddingLab>();
    }

    private static void AddTraining(IServiceCollection services)
    {
        services.AddSingleton<TrainingMetrics>();
        services.AddSingleton<TrainingJobs>();
        services.AddSingleton<TrainingEpochs>();
        services.AddSingleton<TrainedModels>();
        services.AddSingleton<RetrainSchedules>();
        services.AddSingleton<ITrainingKind, TransferHeadTraining>();
        services.AddSingleton<ITrainingKind, ScratchCnnTraining>();
        services.AddSingleton<ITrainingKind, MetricTripletTraining>();
        services.AddSingleton<TrainingKinds>();
        services.AddSingleton<TrainingJobRunner>();

        // The name attempts record. A host that runs jobs registers its own (AddTrainingJobs, with
        // its role and configured name); this default covers hosts that call the runner directly.
        services.TryAddSingleton(_ => WorkerIdentity.For(JobHostRole.Worker, null));
        services.AddSingleton<ScheduledRetrain>();
    }
}
