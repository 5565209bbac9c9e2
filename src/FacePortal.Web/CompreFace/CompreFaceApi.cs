namespace FacePortal.Web.CompreFace;

/// <summary>
/// CompreFace's REST API 1.x on FacePortal's one API surface (<c>/api/v1</c>, its key scheme, scopes and rate
/// limit), so CompreFace's SDKs, Double Take and Home Assistant integrations need only FacePortal's address and a
/// FacePortal key in <c>x-api-key</c> (docs/compreface.md). A thin adapter: people, faces and recognition are
/// FacePortal's own services, reached through <see cref="CompreFaceCollection"/> in the gallery <see cref="CompreFaceGallery"/> resolves.
/// </summary>
public static class CompreFaceApi
{
    public const string Tag = "CompreFace compatible";

    /// <summary>Room for two photos at the decoder's limit in base64 plus framing, as the native analysis endpoints allow.</summary>
    public const long MaxRequestBytes = 64L * 1024 * 1024;

    public static IServiceCollection AddCompreFace(this IServiceCollection services)
    {
        services.AddSingleton<FaceCatalog>();
        services.AddSingleton<CompreFaceGallery>();
        services.AddSingleton<CompreFaceCollection>();
        services.AddSingleton<CompreFaceAnalysis>();
        services.AddSingleton<CompreFaceFileFaces>();
        return services;
    }

    /// <summary>Maps the compatible paths into the <c>/api/v1</c> group; none collides with a native path (those have no service segment).</summary>
    public static RouteGroupBuilder MapCompreFace(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var api = v1.MapGroup(string.Empty).WithTags(Tag).WithCompreFaceErrors();
        api.MapCompreFaceSubjects();
        api.MapCompreFaceExamples();
        api.MapCompreFaceRecognition();
        api.MapCompreFaceDetection();
        api.MapCompreFaceVerification();
        return v1;
    }

    /// <summary>
    /// A POST that reads the photo 'file' (<see cref="ReadPhotosAsync"/>), declared once:
    /// <see cref="MapCompreFacePhotoPost{TBody, TForm}"/> with CompreFace's one-file bodies.
    /// </summary>
    internal static RouteHandlerBuilder MapCompreFacePhotoPost(
        this RouteGroupBuilder api, string pattern, Delegate handler, string scope, string summary, string description) =>
        api.MapCompreFacePhotoPost<CompreFaceFileBody, CompreFaceFileForm>(pattern, handler, scope, summary, description, """{"file":"/9j/4AAQSkZJRg..."}""");

    /// <summary>
    /// A POST that reads photos as multipart parts or base64 JSON members (<see cref="ReadPhotosAsync"/>), with the bounds
    /// every photo-reading operation has, as the native ones: request size, photo-analysis concurrency, documented bodies;
    /// then its scope and text. The caller adds what it answers.
    /// </summary>
    internal static RouteHandlerBuilder MapCompreFacePhotoPost<TBody, TForm>(
        this RouteGroupBuilder api, string pattern, Delegate handler, string scope, string summary, string description, string exampleJson) =>
        api.MapPost(pattern, handler)
            .WithDocumentedBody<TBody>(PhotoInput.Json)
            .WithDocumentedBody<TForm>(ApiContentTypes.Multipart)
            .WithRequestExample(PhotoInput.Json, exampleJson)
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .BoundLikePhotoAnalysis()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireScope(scope)
            .WithSummary(summary)
            .WithDescription(description);

    /// <summary>The photos named <paramref name="fields"/> from multipart parts or base64 JSON members (<see cref="PhotoInput"/>), all present, or the problem.</summary>
    internal static async Task<(IReadOnlyDictionary<string, byte[]>? Photos, ProblemHttpResult? Problem)> ReadPhotosAsync(
        HttpRequest request, FacePipeline pipeline, RequestBuffers buffers, string[] fields, CancellationToken ct)
    {
        var (photos, problem) = await PhotoInput.ReadAsync(request, pipeline.Decoder.Limits.MaxBytes, buffers, fields, ct);
        if (problem is not null)
        {
            return (null, problem);
        }

        var missing = fields.Where(f => !photos!.ContainsKey(f)).ToArray();
        return missing.Length > 0
            ? (null, CompreFaceErrors.Problem(StatusCodes.Status400BadRequest, CompreFaceErrors.ValidationConstraintViolation,
                $"Required request part '{missing[0]}' is not present: send it as a multipart/form-data part or a base64 member of a JSON object"))
            : (photos, null);
    }

    /// <summary>An image the decoder refused, in CompreFace's shape (its code for a file it cannot read).</summary>
    internal static ProblemHttpResult Unusable(FacePortal.Shared.Imaging.ImageDecodeException e) => CompreFaceErrors.Problem(
        e.Error is FacePortal.Shared.Imaging.ImageDecodeError.TooManyBytes or FacePortal.Shared.Imaging.ImageDecodeError.TooManyPixels
            ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
        CompreFaceErrors.UnavailableFileExtension,
        e.Message);
}
