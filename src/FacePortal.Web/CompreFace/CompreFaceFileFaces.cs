namespace FacePortal.Web.CompreFace;

/// <summary>
/// The flow CompreFace's detect, recognize and verify-against-an-example share, written once so they refuse alike: read the
/// photo 'file' (<see cref="CompreFaceApi.ReadPhotosAsync"/>), analyse its faces, answer them; a photo the decoder refuses is
/// answered in CompreFace's shape (<see cref="CompreFaceApi.Unusable"/>) and one without a face with its code 28.
/// </summary>
public sealed class CompreFaceFileFaces(CompreFaceAnalysis analysis, FacePipeline pipeline, RequestBuffers buffers, IdleMemoryTrim trim)
{
    private const string File = "file";

    /// <param name="answer">The result for the photo's faces; called only when there is at least one.</param>
    public async Task<Results<Ok<CompreFaceResult>, ProblemHttpResult>> AnswerAsync(
        HttpRequest request, CompreFaceOptions options, Func<AnalyzedPhoto, CompreFaceResult> answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);

        // The photo's buffers are large: the process gives the memory back once the request is done, as the native endpoints do.
        using var large = trim.Begin();
        var (photos, problem) = await CompreFaceApi.ReadPhotosAsync(request, pipeline, buffers, [File], ct);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var faces = await Task.Run(() => analysis.Analyze(photos![File], options), ct);
            return faces.Faces.Count == 0 ? CompreFaceErrors.NoFace() : TypedResults.Ok(answer(faces));
        }
        catch (ImageDecodeException e)
        {
            return CompreFaceApi.Unusable(e);
        }
    }
}
