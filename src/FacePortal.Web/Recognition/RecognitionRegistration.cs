namespace FacePortal.Web.Recognition;

/// <summary>Photo recognition for the HTTP API and the pages; the recognizer and its gallery are Core's.</summary>
public static class RecognitionRegistration
{
    public static IServiceCollection AddRecognition(this IServiceCollection services) =>
        services.AddSingleton<PhotoRecognitionService>().AddPhotoAnalysisLimits();
}
