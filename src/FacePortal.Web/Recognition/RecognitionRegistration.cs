using FacePortal.Core.People;
using FacePortal.Core.Recognition;

namespace FacePortal.Web.Recognition;

/// <summary>The recognizer and the gallery index it searches, kept current by the identity services.</summary>
public static class RecognitionRegistration
{
    public static IServiceCollection AddRecognition(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("FacePortal:Recognition").Get<RecognitionOptions>() ?? new RecognitionOptions());
        services.AddSingleton<RecognitionGallery>();
        services.AddSingleton<IGalleryListener>(sp => sp.GetRequiredService<RecognitionGallery>());
        services.AddSingleton<ActiveModelService>();
        services.AddSingleton<IGalleryListener>(sp => sp.GetRequiredService<ActiveModelService>());
        services.AddSingleton<FaceRecognizer>();
        services.AddSingleton<PhotoRecognitionService>();
        return services;
    }
}
