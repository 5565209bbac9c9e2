using FacePortal.Shared.Faces.Embeddings;

namespace FacePortal.Web.CompreFace;

/// <summary>
/// CompreFace's verification service: the biggest face of source_image against every face of target_image
/// (limit, det_prob_threshold), or a source embedding against target embeddings, each with its similarity
/// on CompreFace's scale, 0.5 at FacePortal's verification threshold (the point its own /verify decides at).
/// </summary>
public static class CompreFaceVerification
{
    private const string Source = "source_image";
    private const string Target = "target_image";

    public static RouteGroupBuilder MapCompreFaceVerification(this RouteGroupBuilder api)
    {
        api.MapCompreFacePhotoPost<CompreFaceVerificationBody, CompreFaceVerificationForm>(
            "/verification/verify",
            VerifyAsync,
            ScopeNames.Verify,
            "CompreFace: verify a source face against a target image",
            "The biggest face of source_image against every face of target_image. No face in either is 400 with code 28.",
            """{"source_image":"/9j/4AAQSkZJRg...","target_image":"/9j/4AAQSkZJRg..."}""");

        api.MapPost("/verification/embeddings/verify", VerifyEmbeddingsAsync)
            .RequireScope(ScopeNames.Verify)
            .WithRequestExample("application/json", """{"source":[0.0627, -0.0236],"targets":[[0.0627, -0.0236]]}""")
            .WithSummary("CompreFace: verify a source embedding against target embeddings")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<Results<Ok<VerificationResultBody>, ProblemHttpResult>> VerifyAsync(
        HttpContext context, [FromQuery] int? limit, [FromQuery(Name = "det_prob_threshold")] string? detProbThreshold,
        [FromQuery(Name = "face_plugins")] string? facePlugins, [FromQuery] bool? status,
        CompreFaceAnalysis analysis, FaceRecognizer recognizer, FacePipeline pipeline, RequestBuffers buffers, IdleMemoryTrim trim, CancellationToken ct)
    {
        var (options, optionsProblem) = CompreFaceOptions.Parse(limit, detProbThreshold, facePlugins, status);
        if (options is null)
        {
            return CompreFaceErrors.BadArgument(optionsProblem!);
        }

        using var large = trim.Begin();
        var (photos, problem) = await CompreFaceApi.ReadPhotosAsync(context.Request, pipeline, buffers, [Source, Target], ct);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var source = await Task.Run(() => analysis.Analyze(photos![Source], options with { Limit = 1 }), ct);
            var target = await Task.Run(() => analysis.Analyze(photos![Target], options), ct);
            if (source.Faces.Count == 0 || target.Faces.Count == 0)
            {
                return CompreFaceErrors.NoFace();
            }

            var sourceFace = source.Faces[0];
            var threshold = recognizer.VerificationPoint.Threshold;
            var matches = target.Faces
                .Select(t => t.Json with { Similarity = CompreFaceSimilarity.Of(EmbeddingMath.CosineSimilarity(sourceFace.Face.Embedding, t.Face.Embedding), threshold) })
                .ToList();
            return TypedResults.Ok(new VerificationResultBody([new VerificationItem(sourceFace.Json, matches, CompreFaceAnalysis.PluginsVersions(options))]));
        }
        catch (ImageDecodeException e)
        {
            return CompreFaceApi.Unusable(e);
        }
    }

    private static Results<Ok<EmbeddingResults<EmbeddingSimilarity>>, ProblemHttpResult> VerifyEmbeddingsAsync(EmbeddingPairsBody body, FaceRecognizer recognizer)
    {
        if (CompreFaceEmbeddings.Check([body.Source]) is { } wrongSource)
        {
            return wrongSource;
        }

        if (CompreFaceEmbeddings.Check(body.Targets) is { } wrongTargets)
        {
            return wrongTargets;
        }

        var source = CompreFaceEmbeddings.Unit(body.Source!);
        var threshold = recognizer.VerificationPoint.Threshold;
        return TypedResults.Ok(new EmbeddingResults<EmbeddingSimilarity>(
            [.. body.Targets!.Select(t => new EmbeddingSimilarity(t, CompreFaceSimilarity.Of(EmbeddingMath.CosineSimilarity(source, CompreFaceEmbeddings.Unit(t)), threshold)))]));
    }
}
