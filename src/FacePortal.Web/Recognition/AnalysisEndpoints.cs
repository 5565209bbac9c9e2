using FacePortal.Shared.Faces.Attributes;
using System.ComponentModel;

namespace FacePortal.Web.Recognition;

/// <summary>
/// <c>POST /api/v1/detect</c>, <c>/recognize</c> and <c>/verify</c>: photos in, faces out, nothing stored.
/// Each runs under the photo-analysis bound of the portal's own recognition API and the caller's key limit.
/// Recognize and verify-against-a-person search one gallery, as <see cref="GalleryAccess"/> resolves it.
/// </summary>
public static class AnalysisEndpoints
{
    /// <summary>Room for two photos at the default decoder limit (20 MB) in base64 plus framing; each photo is checked on its own.</summary>
    private const long MaxRequestBytes = 64L * 1024 * 1024;

    private const string GalleryDescription = "The gallery to search, by id or name: needed only by a key bound to several galleries (or to pick one as an admin; default Main).";

    public static RouteGroupBuilder MapAnalysisApi(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var api = v1.MapGroup(string.Empty).WithTags("Faces");

        Photos<ImageBody, ImageForm>(api.MapPost("/detect", DetectAsync))
            .WithDocumentedBody<byte[]>("image/jpeg", "image/png", "image/webp")
            .RequireScope(ScopeNames.Detect)
            .WithSummary("Detect faces")
            .WithDescription("Every face in the photo: box, score, 5 and 68 landmarks and quality signals. "
                + "Send the photo as the multipart part or JSON member 'image', or as the whole body of an image/* request. facePlugins asks for attributes: a comma list of "
                + string.Join(", ", FacePluginsParameter.Names) + ".");

        Photos<ImageBody, ImageForm>(api.MapPost("/detect/boxes", DetectBoxesAsync))
            .WithDocumentedBody<byte[]>("image/jpeg", "image/png", "image/webp")
            .RequireScope(ScopeNames.Detect)
            .WithSummary("Detect face boxes (fast)")
            .WithDescription("Where the faces are, and the detector's score: detection alone, without the landmarks, quality and embedding 'detect' computes, "
                + "at a fraction of its cost (the webcam capture's preview asks this a few times a second). The photo as for 'detect'.");

        Photos<ImageBody, ImageForm>(api.MapPost("/recognize", RecognizeAsync))
            .RequireScope(ScopeNames.Recognize)
            .WithSummary("Recognize faces")
            .WithDescription("Every face with its closest enrolled people (limit, at most 100) and its verdict: named, nobody-close, ambiguous (could be A or B), "
                + "too-poor (too small, blurred or turned to judge) or marked-not-this-person, with a reason sentence, the similarity and the operating point "
                + "it was decided at (the false-match rate, the people enrolled and the threshold they give). A stricter threshold the caller gives (threshold) "
                + "can only turn a named face into nobody-close; a looser one, or one that is not a finite number, is refused with 400. Send the photo as 'image'.");

        Photos<VerifyBody, VerifyForm>(api.MapPost("/verify", VerifyAsync))
            .RequireScope(ScopeNames.Verify)
            .WithSummary("Verify two faces 1:1")
            .WithDescription("The primary face of 'first' against that of 'second', or, with personId, the primary face of 'image' against that person's enrolled faces. "
                + "requireLive=true also runs the (experimental) liveness model on each compared face and answers 422 when one does not look live. "
                + "The verdict says same-person or different-people in words with the operating point of one comparison.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private static RouteHandlerBuilder Photos<TBody, TForm>(RouteHandlerBuilder endpoint) => endpoint
        .WithDocumentedBody<TBody>(PhotoInput.Json)
        .WithDocumentedBody<TForm>(ApiContentTypes.Multipart)
        .WithRequestExample(PhotoInput.Json, typeof(TBody) == typeof(VerifyBody) ? """{"first":"/9j/4AAQSkZJRg...","second":"/9j/4AAQSkZJRg..."}""" : """{"image":"/9j/4AAQSkZJRg..."}""")
        .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
        .BoundLikePhotoAnalysis()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<DetectResponse>, ProblemHttpResult>> DetectAsync(
        HttpRequest request, [FromQuery] string? facePlugins, FacePipeline pipeline, FaceAttributeAnalyzer attributes, RequestBuffers buffers, IdleMemoryTrim trim, CancellationToken ct)
    {
        var (plugins, pluginProblem) = FacePluginsParameter.Parse(facePlugins);
        if (pluginProblem is not null)
        {
            return TypedResults.Problem(pluginProblem, statusCode: StatusCodes.Status400BadRequest, title: "Unknown face plugin");
        }

        return await FacesInPhotoAsync(request, pipeline, buffers, trim, image =>
        {
            var found = pipeline.Analyze(image).Select(f => DetectedFace.From(f, plugins == FacePlugins.None ? null : attributes.Analyze(image, f, plugins)));
            return new DetectResponse(image.OriginalWidth, image.OriginalHeight, [.. found], FacePluginsParameter.NamesOf(plugins));
        }, response => response.Faces.Count, ct);
    }

    private static Task<Results<Ok<BoxesResponse>, ProblemHttpResult>> DetectBoxesAsync(
        HttpRequest request, FacePipeline pipeline, RequestBuffers buffers, IdleMemoryTrim trim, CancellationToken ct) =>
        FacesInPhotoAsync(request, pipeline, buffers, trim, image =>
            new BoxesResponse(image.OriginalWidth, image.OriginalHeight, [.. pipeline.Detect(image).Select(d => new DetectedBox(Box.From(d.Box), d.Score))]),
            response => response.Faces.Count, ct);

    /// <summary>Reads one photo, decodes it and looks for faces off the request thread: the answer, 422 when it holds none, or why the photo was refused.</summary>
    private static async Task<Results<Ok<T>, ProblemHttpResult>> FacesInPhotoAsync<T>(
        HttpRequest request, FacePipeline pipeline, RequestBuffers buffers, IdleMemoryTrim trim, Func<DecodedImage, T> look, Func<T, int> facesIn, CancellationToken ct)
    {
        using var large = trim.Begin();
        var (bytes, problem) = await PhotoInput.ReadImageAsync(request, pipeline.Decoder.Limits.MaxBytes, buffers, ct);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var response = await Task.Run(() =>
            {
                using var image = pipeline.Decoder.Decode(bytes);
                return look(image);
            }, ct);
            return facesIn(response) == 0 ? NoFace("the photo") : TypedResults.Ok(response);
        }
        catch (ImageDecodeException e)
        {
            return PhotoInput.Unusable(e);
        }
    }

    private static async Task<Results<Ok<RecognizeResponse>, ProblemHttpResult>> RecognizeAsync(
        HttpRequest request, [FromQuery] int? limit, [FromQuery] float? threshold, FaceRecognizer recognizer, RecognitionGallery gallery, FacePipeline pipeline,
        GalleryAccess access, [FromQuery(Name = GalleryAccess.Parameter), Description(GalleryDescription)] string? galleryName,
        RequestBuffers buffers, IdleMemoryTrim trim, CancellationToken ct)
    {
        var scope = await access.ResolveAsync(request.HttpContext, galleryName, ct);
        if (!scope.Succeeded)
        {
            return scope.Problem();
        }

        var galleryId = scope.GalleryId!.Value;
        var serverThreshold = (await recognizer.OperatingPointAsync(galleryId, ct)).Threshold;
        if (limit is < 1 or > 100)
        {
            return TypedResults.Problem($"limit must be between 1 and 100 (was {limit}).", statusCode: StatusCodes.Status400BadRequest, title: "Bad limit");
        }

        if (threshold is { } notNumber && !float.IsFinite(notNumber))
        {
            return TypedResults.Problem(
                $"threshold must be a number between the server's threshold ({serverThreshold:0.###}) and 1 (was {notNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)}).",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Bad threshold");
        }

        if (threshold is { } asked && (asked < serverThreshold || asked > 1))
        {
            return TypedResults.Problem(
                $"threshold {asked:0.###} is refused: only a threshold at least as strict as the server's ({serverThreshold:0.###}) and at most 1 is accepted.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Threshold looser than the server's");
        }

        var index = await gallery.GetIndexAsync(galleryId, ct);
        return await FacesInPhotoAsync(request, pipeline, buffers, trim,
            image => RecognizeResponse.From(recognizer.Recognize(image, index, topK: limit), threshold), response => response.Faces.Count, ct);
    }

    private static async Task<Results<Ok<VerifyResponse>, ProblemHttpResult>> VerifyAsync(
        HttpRequest request, [FromQuery] Guid? personId, [FromQuery] bool? requireLive, FaceRecognizer recognizer, RecognitionGallery gallery, FacePipeline pipeline,
        FaceAttributeAnalyzer attributes, Core.People.PeopleService people, GalleryAccess access,
        [FromQuery(Name = GalleryAccess.Parameter), Description(GalleryDescription)] string? galleryName, RequestBuffers buffers, IdleMemoryTrim trim, CancellationToken ct)
    {
        string? personName = null;
        var galleryId = Guid.Empty;
        if (personId is { } id)
        {
            // Only a person of the gallery the caller may use; one of another gallery is answered as one that does not exist.
            var scope = await access.ResolveForPersonAsync(request.HttpContext, id, ct);
            if (!scope.Succeeded)
            {
                return scope.Problem();
            }

            galleryId = scope.GalleryId!.Value;
            if ((personName = await people.FindNameAsync(id, ct)) is null)
            {
                return ApiProblems.NotFound("person");
            }
        }

        string[] fields = personId is null ? [PhotoField.First, PhotoField.Second] : [PhotoField.Image];
        using var large = trim.Begin();
        var (photos, problem) = await PhotoInput.ReadAsync(request, pipeline.Decoder.Limits.MaxBytes, buffers, fields, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (fields.Any(f => !photos!.ContainsKey(f)))
        {
            return PhotoInput.Missing(fields);
        }

        List<LivenessEstimate>? liveness = null;
        if (requireLive == true)
        {
            liveness = [];
            foreach (var field in fields)
            {
                var (estimate, refused) = await Task.Run(() => LivenessOf(photos![field], field == PhotoField.Image ? "given" : field, pipeline, attributes), ct);
                if (refused is not null)
                {
                    return refused;
                }

                liveness.Add(estimate!);
            }
        }

        var verified = personId is { } person
            ? await VerifyPersonAsync(photos![PhotoField.Image], galleryId, person, personName!, recognizer, gallery, pipeline, ct)
            : await VerifyPhotosAsync(photos![PhotoField.First], photos[PhotoField.Second], recognizer, ct);
        return verified.Response is { } response ? TypedResults.Ok(response with { Liveness = liveness }) : verified.Problem!;
    }

    /// <summary>
    /// The liveness of the primary face of one photo, or the problem to answer: no face, a face too
    /// small for the model, or a face the model does not find live. The photo is analysed on its own
    /// here, before the comparison, so verification itself stays the recognizer's one way.
    /// </summary>
    private static (LivenessEstimate? Liveness, ProblemHttpResult? Problem) LivenessOf(byte[] photo, string which, FacePipeline pipeline, FaceAttributeAnalyzer attributes)
    {
        try
        {
            using var image = pipeline.Decoder.Decode(photo);
            if (pipeline.AnalyzeOnePerson(image).Primary is not { } face)
            {
                return (null, NoFace($"the {which} photo"));
            }

            var measured = attributes.Analyze(image, face, FacePlugins.Liveness);
            if (measured.Refusal is { } refusal)
            {
                return (null, TypedResults.Problem($"Liveness could not be measured in the {which} photo: {refusal}", statusCode: StatusCodes.Status422UnprocessableEntity, title: "Liveness not measured"));
            }

            var live = measured.Liveness!;
            return live.IsLive
                ? (live, null)
                : (live, TypedResults.Problem(
                    $"The face in the {which} photo does not look live (liveness score {live.Score:0.00}, at least {FaceAttributeAnalyzer.LivenessThreshold:0.00} is needed)"
                        + (live.Experimental ? "; the liveness check is experimental." : "."),
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "Not live"));
        }
        catch (ImageDecodeException e)
        {
            return (null, PhotoInput.Unusable(e, which));
        }
    }

    private static async Task<(VerifyResponse? Response, ProblemHttpResult? Problem)> VerifyPhotosAsync(byte[] first, byte[] second, FaceRecognizer recognizer, CancellationToken ct)
    {
        var result = await Task.Run(() => recognizer.Verify(first, second), ct);
        if (result.Problem is not null)
        {
            // No dimensions: the photo could not be decoded at all, which is bad input rather than a photo without a face.
            var unusable = result.First.Width == 0 || result.Second.Width == 0;
            return (null, TypedResults.Problem(result.Problem, statusCode: unusable ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity, title: unusable ? "Unusable image" : "No face"));
        }

        List<string> notes = [.. Notes(result.First, "first"), .. Notes(result.Second, "second")];
        var point = result.OperatingPoint ?? recognizer.VerificationPoint;
        return (new VerifyResponse(result.Similarity, result.Threshold, result.IsSamePerson, result.First, result.Second, null, VerificationVerdict.Of(result.Similarity, point), notes), null);
    }

    private static async Task<(VerifyResponse? Response, ProblemHttpResult? Problem)> VerifyPersonAsync(
        byte[] photo, Guid galleryId, Guid personId, string name, FaceRecognizer recognizer, RecognitionGallery gallery, FacePipeline pipeline, CancellationToken ct)
    {
        var index = await gallery.GetIndexAsync(galleryId, ct);
        OnePersonAnalysis analysis;
        try
        {
            analysis = await Task.Run(() => pipeline.AnalyzeOnePerson(photo), ct);
        }
        catch (ImageDecodeException e)
        {
            return (null, PhotoInput.Unusable(e, "given"));
        }

        if (analysis.Primary is not { } face)
        {
            return (null, NoFace("the photo"));
        }

        if (index.Nearest(personId, face.Embedding) is not { } nearest)
        {
            return (null, TypedResults.Problem($"{name} has no enrolled faces to verify against.", statusCode: StatusCodes.Status422UnprocessableEntity, title: "Nothing enrolled"));
        }

        var point = recognizer.VerificationPoint;
        var threshold = point.Threshold;
        var verified = new VerifiedPhoto(analysis.Width, analysis.Height, face.Box, analysis.Faces.Count, null, analysis.Retried);
        var person = new VerifiedPerson(personId, name, nearest.NearestFaceId, nearest.EnrolledFaces);
        return (new VerifyResponse(nearest.Similarity, threshold, nearest.Similarity >= threshold, verified, null, person, VerificationVerdict.Of(nearest.Similarity, point), [.. Notes(verified, "given")]), null);
    }

    private static IEnumerable<string> Notes(VerifiedPhoto photo, string which)
    {
        if (photo.FacesFound > 1)
        {
            yield return $"The {which} photo holds {photo.FacesFound} faces; its primary face (the largest, or the one nearest the centre) was compared.";
        }

        if (photo.LowerThresholdRetry)
        {
            yield return $"No face in the {which} photo reached the detector's threshold; one was found at its lower retry threshold.";
        }
    }

    private static ProblemHttpResult NoFace(string where) =>
        TypedResults.Problem($"No face was found in {where}.", statusCode: StatusCodes.Status422UnprocessableEntity, title: "No face");
}

/// <summary>One photo in base64 in a JSON body (a data: URL is accepted).</summary>
public sealed class ImageBody
{
    public required string Image { get; init; }
}

/// <summary>One photo as the file part 'image' of a multipart/form-data body.</summary>
public sealed class ImageForm
{
    public required IFormFile Image { get; init; }
}

/// <summary>The photos of <see cref="VerifyBody"/> as file parts of a multipart/form-data body.</summary>
public sealed class VerifyForm
{
    public IFormFile? First { get; init; }

    public IFormFile? Second { get; init; }

    public IFormFile? Image { get; init; }
}

/// <summary>
/// Two photos to compare, 'first' and 'second'; or, with the personId parameter, one photo 'image'
/// to compare with that person, in base64 in a JSON body.
/// </summary>
public sealed class VerifyBody
{
    public string? First { get; init; }

    public string? Second { get; init; }

    public string? Image { get; init; }
}
