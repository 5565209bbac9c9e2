using System.Diagnostics;
using FacePortal.Shared.Faces.Embeddings;

namespace FacePortal.Web.CompreFace;

/// <summary>
/// CompreFace's recognition service: recognize every face of a photo (or every embedding) against the key's
/// gallery, and verify a photo (or embeddings) against one saved example. Faces are named by FacePortal's
/// recognizer at its open-set operating point; <see cref="CompreFaceSimilarity"/> puts its scores on CompreFace's scale.
/// </summary>
public static class CompreFaceRecognition
{
    /// <summary>An embeddings body for the document, cut short: a real one holds 512 values, as the calculator plugin returns them.</summary>
    private const string EmbeddingsExample = """{"embeddings":[[0.0627, -0.0236]]}""";

    public static RouteGroupBuilder MapCompreFaceRecognition(this RouteGroupBuilder api)
    {
        api.MapCompreFacePhotoPost(
            "/recognition/recognize",
            RecognizeAsync,
            ScopeNames.Recognize,
            "CompreFace: recognize faces",
            "Every face of 'file' (biggest first; limit, 0 for all; det_prob_threshold) with its prediction_count closest subjects. "
                + "similarity is 0.5 at FacePortal's operating point, and only the person FacePortal names reaches it (docs/compreface.md). "
                + "face_plugins: age, gender, pose, landmarks, calculator (the embedding); status=true adds execution_time and plugins_versions.");

        api.MapCompreFacePhotoPost(
            "/recognition/faces/{image_id:guid}/verify",
            VerifyAsync,
            ScopeNames.Verify,
            "CompreFace: verify faces against a saved example",
            "Every face of 'file' with its similarity to the saved example image_id, 0.5 at FacePortal's verification threshold.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/recognition/embeddings/recognize", RecognizeEmbeddingsAsync)
            .RequireScope(ScopeNames.Recognize)
            .WithRequestExample("application/json", EmbeddingsExample)
            .WithSummary("CompreFace: recognize embeddings")
            .WithDescription("For each embedding (as the calculator plugin returns it: 512 values) its prediction_count closest subjects, decided as a photo's face is (without its quality checks).")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/recognition/embeddings/faces/{image_id:guid}/verify", VerifyEmbeddingsAsync)
            .RequireScope(ScopeNames.Verify)
            .WithRequestExample("application/json", EmbeddingsExample)
            .WithSummary("CompreFace: verify embeddings against a saved example")
            .WithDescription("Each embedding's similarity to the saved example image_id.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<CompreFaceResult>, ProblemHttpResult>> RecognizeAsync(
        HttpContext context, [FromQuery] int? limit, [FromQuery(Name = "det_prob_threshold")] string? detProbThreshold,
        [FromQuery(Name = "prediction_count")] int? predictionCount, [FromQuery(Name = "face_plugins")] string? facePlugins, [FromQuery] bool? status,
        CompreFaceGallery galleries, CompreFaceCollection collection, RecognitionMetrics metrics, CompreFaceFileFaces file, CancellationToken ct)
    {
        var gallery = await galleries.ResolveAsync(context, ct);
        if (gallery.Problem is { } refused)
        {
            return refused;
        }

        var (options, optionsProblem) = CompreFaceOptions.Parse(limit, detProbThreshold, facePlugins, status, predictionCount);
        if (options is null)
        {
            return CompreFaceErrors.BadArgument(optionsProblem!);
        }

        var index = await collection.IndexAsync(gallery.GalleryId, ct);
        var recognizer = collection.Recognizer;
        return await file.AnswerAsync(context.Request, options, faces =>
        {
            var point = recognizer.OperatingPointOf(index);
            // The model in use names people only in its own gallery's index (as the native recognize has it), else the gallery decides.
            var model = recognizer.ModelFor(index);
            var matching = Stopwatch.GetTimestamp();
            var recognized = faces.Faces.Select(f => recognizer.Match(f.Face, index, model, options.PredictionCount)).ToList();

            // Recorded as the native recognize records its results, so the stage metrics and spans count these requests too.
            metrics.Record(new RecognitionResult(
                faces.Width, faces.Height, recognized, faces.Timings, Stopwatch.GetElapsedTime(matching), point, model is null ? "gallery" : $"model {model.Description}"));
            var result = faces.Faces.Zip(recognized, (f, r) => f.Json with { Subjects = Subjects(r.Verdict, r.Candidates, point, options.PredictionCount) }).ToList();
            return new CompreFaceResult(result, CompreFaceAnalysis.PluginsVersions(options));
        }, ct);
    }

    /// <summary>The closest subjects on CompreFace's scale, best first; only the one FacePortal named may reach 0.5.</summary>
    private static List<SubjectSimilarity> Subjects(Verdict verdict, IReadOnlyList<Shared.Search.GalleryMatch> candidates, OperatingPoint point, int count) =>
        [.. candidates
            .Select(c => new SubjectSimilarity(c.Name, CompreFaceSimilarity.Reported(c.Similarity, point.Threshold, verdict.IsNamed && verdict.Person?.PersonId == c.PersonId)))
            .OrderByDescending(s => s.Similarity)
            .Take(count)];

    private static async Task<Results<Ok<CompreFaceResult>, ProblemHttpResult>> VerifyAsync(
        [FromRoute(Name = "image_id")] Guid imageId, HttpContext context, [FromQuery] int? limit, [FromQuery(Name = "det_prob_threshold")] string? detProbThreshold,
        [FromQuery(Name = "face_plugins")] string? facePlugins, [FromQuery] bool? status,
        CompreFaceGallery galleries, CompreFaceCollection collection, CompreFaceFileFaces file, CancellationToken ct)
    {
        var gallery = await galleries.ResolveAsync(context, ct);
        if (gallery.Problem is { } refused)
        {
            return refused;
        }

        var (options, optionsProblem) = CompreFaceOptions.Parse(limit, detProbThreshold, facePlugins, status);
        if (options is null)
        {
            return CompreFaceErrors.BadArgument(optionsProblem!);
        }

        if (await collection.FaceAsync(gallery.GalleryId, imageId, ct) is not { } example)
        {
            return CompreFaceErrors.ImageMissing(imageId);
        }

        var threshold = collection.Recognizer.VerificationPoint.Threshold;
        return await file.AnswerAsync(context.Request, options, faces => new CompreFaceResult(
            [.. faces.Faces.Select(f => f.Json with { Similarity = CompreFaceSimilarity.Of(EmbeddingMath.CosineSimilarity(f.Face.Embedding, example.Embedding), threshold) })],
            CompreFaceAnalysis.PluginsVersions(options)), ct);
    }

    private static async Task<Results<Ok<EmbeddingResults<EmbeddingSimilarities>>, ProblemHttpResult>> RecognizeEmbeddingsAsync(
        EmbeddingsBody body, HttpContext context, [FromQuery(Name = "prediction_count")] int? predictionCount,
        CompreFaceGallery galleries, CompreFaceCollection collection, CancellationToken ct)
    {
        var gallery = await galleries.ResolveAsync(context, ct);
        if (gallery.Problem is { } refused)
        {
            return refused;
        }

        if (predictionCount is < 1)
        {
            return CompreFaceErrors.BadArgument("prediction_count should be greater than 0");
        }

        if (CompreFaceEmbeddings.Check(body.Embeddings) is { } wrong)
        {
            return wrong;
        }

        var count = predictionCount ?? 1;
        var index = await collection.IndexAsync(gallery.GalleryId, ct);
        var recognizer = collection.Recognizer;
        var point = recognizer.OperatingPointOf(index);
        var result = body.Embeddings!.Select(e =>
        {
            var match = recognizer.MatchEmbedding(CompreFaceEmbeddings.Unit(e), index, count);
            return new EmbeddingSimilarities(e, Subjects(match.Verdict, match.Candidates, point, count));
        }).ToList();
        return TypedResults.Ok(new EmbeddingResults<EmbeddingSimilarities>(result));
    }

    private static async Task<Results<Ok<EmbeddingResults<EmbeddingSimilarity>>, ProblemHttpResult>> VerifyEmbeddingsAsync(
        [FromRoute(Name = "image_id")] Guid imageId, EmbeddingsBody body, HttpContext context, CompreFaceGallery galleries, CompreFaceCollection collection, CancellationToken ct)
    {
        var gallery = await galleries.ResolveAsync(context, ct);
        if (gallery.Problem is { } refused)
        {
            return refused;
        }

        if (CompreFaceEmbeddings.Check(body.Embeddings) is { } wrong)
        {
            return wrong;
        }

        if (await collection.FaceAsync(gallery.GalleryId, imageId, ct) is not { } example)
        {
            return CompreFaceErrors.Problem(StatusCodes.Status404NotFound, CompreFaceErrors.EmbeddingNotFound, $"Embedding with image id {imageId} not found");
        }

        var threshold = collection.Recognizer.VerificationPoint.Threshold;
        return TypedResults.Ok(new EmbeddingResults<EmbeddingSimilarity>(
            [.. body.Embeddings!.Select(e => new EmbeddingSimilarity(e, CompreFaceSimilarity.Of(EmbeddingMath.CosineSimilarity(CompreFaceEmbeddings.Unit(e), example.Embedding), threshold)))]));
    }
}

/// <summary>Embeddings a client sends back: FacePortal's own (512 values), any length scale.</summary>
public static class CompreFaceEmbeddings
{
    public static ProblemHttpResult? Check(IEnumerable<float[]?>? embeddings)
    {
        var list = embeddings?.ToList();
        if (list is null || list.Count == 0)
        {
            return CompreFaceErrors.Problem(StatusCodes.Status400BadRequest, CompreFaceErrors.ValidationConstraintViolation, "embeddings should not be empty");
        }

        return list.Any(e => e is null || e.Length != FaceEmbedder.Dimensions || e.Any(v => !float.IsFinite(v)) || e.All(v => v == 0))
            ? CompreFaceErrors.Problem(StatusCodes.Status400BadRequest, CompreFaceErrors.WrongEmbeddingCount,
                $"Each embedding should hold {FaceEmbedder.Dimensions} finite numbers, not all zero, as the calculator plugin of this server returns them")
            : null;
    }

    /// <summary>A unit-length copy: the gallery compares unit vectors.</summary>
    public static float[] Unit(float[] embedding)
    {
        var copy = (float[])embedding.Clone();
        EmbeddingMath.Normalize(copy);
        return copy;
    }
}
