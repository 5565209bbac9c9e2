using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using FacePortal.Shared.Faces.Embeddings;
using FacePortal.Shared.Imaging;

namespace FacePortal.Core.Recognition;

/// <summary>
/// Names faces: the pipeline finds and embeds them, the gallery index supplies the closest people,
/// and the open-set threshold decides between a name and Unknown. Also verifies two photos 1:1.
/// </summary>
public sealed class FaceRecognizer(
    FacePipeline pipeline,
    RecognitionGallery gallery,
    ActiveModelService models,
    RecognitionOptions options,
    OperatingPointService operatingPoints,
    OpenSetDecider decider,
    RecognitionMetrics metrics)
{
    public RecognitionOptions Options { get; } = options;

    /// <summary>The operating point of <paramref name="index"/> as it is now.</summary>
    public OperatingPoint OperatingPointOf(GalleryIndex index) => operatingPoints.For(index);

    /// <summary>The operating point of <paramref name="galleryId"/>'s gallery as it is now (it depends on how many people it holds).</summary>
    public async ValueTask<OperatingPoint> OperatingPointAsync(Guid galleryId, CancellationToken cancellationToken = default) =>
        operatingPoints.For(await gallery.GetIndexAsync(galleryId, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// The trained model in use in <paramref name="index"/>'s gallery (a model is trained on one gallery's people and used
    /// there alone), or null when the gallery searches its enrolled faces.
    /// </summary>
    public ActiveModel? ModelFor(GalleryIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return models.For(index.GalleryId);
    }

    /// <summary>The point two photos (or a photo and a person) are compared at.</summary>
    public OperatingPoint VerificationPoint => operatingPoints.ForVerification();

    /// <summary>Recognises every face against the people of <paramref name="galleryId"/>. Throws <see cref="ImageDecodeException"/> for bad input.</summary>
    public async Task<RecognitionResult> RecognizeAsync(Guid galleryId, ReadOnlyMemory<byte> encoded, CancellationToken cancellationToken = default)
    {
        var index = await gallery.GetIndexAsync(galleryId, cancellationToken).ConfigureAwait(false);
        return Recognize(encoded.Span, index);
    }

    /// <summary>The synchronous core, for callers that already hold the index (the live hub).</summary>
    public RecognitionResult Recognize(ReadOnlySpan<byte> encoded, GalleryIndex index)
    {
        var timings = new PipelineTimings();
        var started = Stopwatch.GetTimestamp();
        using var image = pipeline.Decoder.Decode(encoded);
        timings.Decode = Stopwatch.GetElapsedTime(started);
        return Recognize(image, index, timings);
    }

    /// <summary>Recognises every face of an image already decoded (pages that also show it).</summary>
    /// <param name="topK">Candidates per face; the configured <see cref="RecognitionOptions.TopK"/> when null.</param>
    public RecognitionResult Recognize(DecodedImage image, GalleryIndex index, PipelineTimings? timings = null, int? topK = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(index);
        timings ??= new PipelineTimings();
        var faces = pipeline.Analyze(image, timings);

        var started = Stopwatch.GetTimestamp();
        var model = ModelFor(index);
        var recognized = new RecognizedFace[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            recognized[i] = Match(faces[i], index, model, topK);
        }

        var result = new RecognitionResult(
            image.OriginalWidth, image.OriginalHeight, recognized, timings, Stopwatch.GetElapsedTime(started), operatingPoints.For(index), model is null ? "gallery" : $"model {model.Description}");
        metrics.Record(result);
        return result;
    }

    /// <summary>
    /// Decides who a face is (<see cref="OpenSetDecider"/>): with the gallery alone, the nearest person at the
    /// gallery's operating point (with a learnt metric in use, in its space, at its calibrated threshold). With a
    /// trained model, the model's most probable person must also reach the model's calibrated probability, and
    /// then faces the same decision (a softmax always picks someone; the gallery check keeps strangers Unknown,
    /// and people deleted since training are never named).
    /// </summary>
    public RecognizedFace Match(FaceAnalysis face, GalleryIndex index, ActiveModel? model = null, int? topK = null)
    {
        ArgumentNullException.ThrowIfNull(face);
        var (verdict, candidates, probability) = Decide(face.Embedding, face.Quality, index, model, topK);
        return new RecognizedFace(face.Box, face.Score, face.Quality, verdict, candidates, probability) { Embedding = face.Embedding };
    }

    /// <summary>
    /// Decides who an embedding alone is (one the calculator plugin returned to a client) as <see cref="Match"/> decides a
    /// face with the gallery alone (a learnt metric applies through <paramref name="index"/>'s space). No photo, so no
    /// quality checks; and no trained classifier, as the embedding endpoints have always answered (docs/compreface.md).
    /// </summary>
    public EmbeddingMatch MatchEmbedding(ReadOnlySpan<float> embedding, GalleryIndex index, int? topK = null)
    {
        var (verdict, candidates, _) = Decide(embedding, null, index, null, topK);
        return new EmbeddingMatch(verdict, candidates);
    }

    private (Verdict Verdict, IReadOnlyList<GalleryMatch> Candidates, float? Probability) Decide(
        ReadOnlySpan<float> embedding, FaceQuality? quality, GalleryIndex index, ActiveModel? model, int? topK)
    {
        ArgumentNullException.ThrowIfNull(index);

        // Two candidates at least: the runner-up decides whether the best is clear of everyone else.
        var candidates = index.Search(embedding, Math.Max(2, topK ?? Options.TopK));
        var point = operatingPoints.For(index);
        if (model?.Head is null)
        {
            return (Decide(embedding, quality, index, candidates, point), candidates, null);
        }

        var probabilities = model.Head.Probabilities(embedding);
        var best = TensorPrimitives.IndexOfMax(probabilities);

        // The search already scored every person it ranked; only a person outside the top K needs a second pass.
        var personId = model.Classes[best].Id;
        var chosen = candidates.FirstOrDefault(c => c.PersonId == personId) ?? index.Nearest(personId, embedding);
        Verdict verdict;
        if (chosen is null || probabilities[best] < model.ProbabilityThreshold)
        {
            var unsure = decider.Decide(quality, candidates, point);
            verdict = unsure.Kind == VerdictKind.TooPoor ? unsure : unsure with
            {
                Kind = VerdictKind.NobodyClose,
                Person = null,
                Reason = chosen is null
                    ? $"Nobody close: the model's choice, {model.Classes[best].Name}, is no longer enrolled."
                    : string.Create(CultureInfo.InvariantCulture, $"Nobody close: the model is {probabilities[best]:P0} sure of {chosen.Name}, below its calibrated {model.ProbabilityThreshold:P0}."),
            };
        }
        else
        {
            verdict = Decide(embedding, quality, index, [chosen, .. candidates.Where(c => c.PersonId != chosen.PersonId)], point);
        }

        return (verdict, candidates, probabilities[best]);
    }

    private Verdict Decide(ReadOnlySpan<float> embedding, FaceQuality? quality, GalleryIndex index, IReadOnlyList<GalleryMatch> candidates, OperatingPoint point)
    {
        var negative = candidates.Count > 0 ? index.NearestNegative(candidates[0].PersonId, embedding) : null;
        return decider.Decide(quality, candidates, point, negative);
    }

    /// <summary>Compares the primary face of each photo (<see cref="PrimaryFace"/>).</summary>
    public VerificationResult Verify(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var (a, faceA) = PrimaryFaceOf(first, "first");
        var (b, faceB) = PrimaryFaceOf(second, "second");
        if (faceA is null || faceB is null)
        {
            return VerificationResult.Failed(a, b, a.Problem ?? b.Problem!);
        }

        var similarity = EmbeddingMath.CosineSimilarity(faceA.Embedding, faceB.Embedding);
        var point = operatingPoints.ForVerification();
        return new VerificationResult(similarity, point.Threshold, similarity >= point.Threshold, a, b, null, point);
    }

    private (VerifiedPhoto Photo, FaceAnalysis? Face) PrimaryFaceOf(ReadOnlySpan<byte> encoded, string which)
    {
        try
        {
            var analysis = pipeline.AnalyzeOnePerson(encoded);
            if (analysis.Primary is not { } primary)
            {
                return (new VerifiedPhoto(analysis.Width, analysis.Height, null, 0, $"No face was found in the {which} photo.", analysis.Retried), null);
            }

            return (new VerifiedPhoto(analysis.Width, analysis.Height, primary.Box, analysis.Faces.Count, null, analysis.Retried), primary);
        }
        catch (ImageDecodeException e)
        {
            return (VerifiedPhoto.Unusable($"The {which} photo cannot be used: {e.Message}"), null);
        }
    }
}
