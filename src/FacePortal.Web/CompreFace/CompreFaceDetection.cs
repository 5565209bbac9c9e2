namespace FacePortal.Web.CompreFace;

/// <summary>CompreFace's detection service: every face of a photo with the plugins asked for; nothing is stored or searched.</summary>
public static class CompreFaceDetection
{
    public static RouteGroupBuilder MapCompreFaceDetection(this RouteGroupBuilder api)
    {
        api.MapCompreFacePhotoPost(
            "/detection/detect",
            DetectAsync,
            ScopeNames.Detect,
            "CompreFace: detect faces",
            "Every face of 'file', biggest first (limit, 0 for all; det_prob_threshold), with face_plugins: age, gender, pose, landmarks, calculator. "
                + "No face is 400 with code 28.");
        return api;
    }

    private static async Task<Results<Ok<CompreFaceResult>, ProblemHttpResult>> DetectAsync(
        HttpContext context, [FromQuery] int? limit, [FromQuery(Name = "det_prob_threshold")] string? detProbThreshold,
        [FromQuery(Name = "face_plugins")] string? facePlugins, [FromQuery] bool? status, CompreFaceFileFaces file, CancellationToken ct)
    {
        var (options, optionsProblem) = CompreFaceOptions.Parse(limit, detProbThreshold, facePlugins, status);
        if (options is null)
        {
            return CompreFaceErrors.BadArgument(optionsProblem!);
        }

        return await file.AnswerAsync(
            context.Request, options, faces => new CompreFaceResult([.. faces.Faces.Select(f => f.Json)], CompreFaceAnalysis.PluginsVersions(options)), ct);
    }
}
