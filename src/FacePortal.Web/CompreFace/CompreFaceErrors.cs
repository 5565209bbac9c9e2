namespace FacePortal.Web.CompreFace;

/// <summary>
/// CompreFace's error body is <c>{"message": "...", "code": N}</c> (its CommonExceptionCode numbers). FacePortal
/// answers every API error as problem details, so the compatible endpoints answer both at once: problem details whose
/// extension members <c>message</c> (the detail sentence) and <c>code</c> are what CompreFace clients read.
/// </summary>
public static class CompreFaceErrors
{
    public const int ImageNotFound = 11;
    public const int MissingHeader = 20;
    public const int UnavailableFileExtension = 21;
    public const int ValidationConstraintViolation = 26;
    public const int NoFacesFound = 28;
    public const int TooManyFaces = 31;
    public const int IncorrectArgument = 36;
    public const int WrongEmbeddingCount = 37;
    public const int SubjectNotFound = 42;
    public const int SubjectAlreadyExists = 43;
    public const int EmbeddingNotFound = 44;

    /// <summary>CompreFace's own sentence, word for word: clients (and Double Take) compare it.</summary>
    public const string NoFaceMessage = "No face is found in the given image";

    public static ProblemHttpResult Problem(int status, int code, string message) =>
        TypedResults.Problem(message, statusCode: status, extensions: Extensions(message, code));

    public static ProblemHttpResult NoFace() => Problem(StatusCodes.Status400BadRequest, NoFacesFound, NoFaceMessage);

    public static ProblemHttpResult SubjectMissing(string subject) =>
        Problem(StatusCodes.Status404NotFound, SubjectNotFound, $"Subject {subject} not found");

    public static ProblemHttpResult ImageMissing(Guid imageId) =>
        Problem(StatusCodes.Status404NotFound, ImageNotFound, $"Image with id {imageId} not found");

    public static ProblemHttpResult BadArgument(string message) => Problem(StatusCodes.Status400BadRequest, IncorrectArgument, message);

    /// <summary>The code a FacePortal problem without one gets, by its status.</summary>
    public static int CodeFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => MissingHeader,
        StatusCodes.Status404NotFound => ImageNotFound,
        StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType => UnavailableFileExtension,
        _ => ValidationConstraintViolation,
    };

    private static Dictionary<string, object?> Extensions(string message, int code) => new() { ["message"] = message, ["code"] = code };

    /// <summary>
    /// On the compatible endpoints, problems from shared code (the photo reader, the key handler) get
    /// <c>message</c> and <c>code</c> too, so a client sees one error shape whatever refused it.
    /// </summary>
    public static TBuilder WithCompreFaceErrors<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder
        .WithMetadata(new KeyRefusalExtensions((status, detail) => Extensions(detail, CodeFor(status))))
        .AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var inner = result is INestedHttpResult nested ? nested.Result : result;
            if (inner is ProblemHttpResult { ProblemDetails: var problem } && !problem.Extensions.ContainsKey("code"))
            {
                var status = problem.Status ?? StatusCodes.Status400BadRequest;
                problem.Extensions["message"] = problem.Detail ?? problem.Title;
                problem.Extensions["code"] = CodeFor(status);
            }

            return result;
        });
}
