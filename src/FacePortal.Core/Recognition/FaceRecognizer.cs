using System.Diagnostics;
using System.Numerics.Tensors;
using FacePortal.Core.People;
using FacePortal.Shared.Faces;
using FacePortal.Shared.Faces.Embeddings;
using FacePortal.Shared.Imaging;
using FacePortal.Shared.Search;

namespace FacePortal.Core.Recognition;

/// <summary>
/// Names faces: the pipeline finds and embeds them, the gallery index supplies the closest people,
/// and the open-set threshold decides between a name and Unknown. Also verifies two photos 1:1.
/// </summary>
public sealed class FaceRecognizer(FacePipeline pipeline, RecognitionGallery gallery, ActiveModelService models, RecognitionOptions options, RecognitionMetrics metrics)
{
    public RecognitionOptions Options { get; } = options;

    /// <summary>Recognises every face. Throws <see cref="ImageDecodeException"/> for bad input.</summary>
    public async Task<RecognitionResult> RecognizeAsync(ReadOnlyMemory<byte> encoded, CancellationToken cancellationToken = default)
    {
        var index = await gallery.GetIndexAsync(cancellationToken).ConfigureAwait(false);
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
        var model = models.Current;
        var recognized = new RecognizedFace[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            recognized[i] = Match(faces[i], index, model, topK);
        }

        var result = new RecognitionResult(
            image.OriginalWidth, image.OriginalHeight, recognized, timings, Stopwatch.GetElapsedTime(started), ThresholdOf(index), model is null ? "gallery" : $"model {model.Description}");
        metrics.Record(result);
        return result;
    }

    /// <summary>
    /// Names a face. With the gallery alone: the nearest person, if similar enough (with a learnt
    /// metric in use the gallery searches in its space, against its calibrated threshold). With a trained
    /// model: the model's most probable person, if the probability reaches the model's calibrated
    /// threshold and the face is also similar enough to that person's enrolled faces (a softmax always
    /// picks someone; the gallery check keeps strangers Unknown, and people deleted since training
    /// are never named).
    /// </summary>
    public RecognizedFace Match(FaceAnalysis face, GalleryIndex index, ActiveModel? model = null, int? topK = null)
    {
        ArgumentNullException.ThrowIfNull(face);
        ArgumentNullException.ThrowIfNull(index);
        var candidates = index.Search(face.Embedding, topK ?? Options.TopK);
        var threshold = ThresholdOf(index);
        if (model?.Head is null)
        {
            var nearest = candidates.Count > 0 && candidates[0].Similarity >= threshold ? candidates[0] : null;
            return new RecognizedFace(face.Box, face.Score, face.Quality, nearest, candidates);
        }

        var probabilities = model.Head.Probabilities(face.Embedding);
        var best = TensorPrimitives.IndexOfMax(probabilities);

        // The search already scored every person it ranked; only a person outside the top K needs a second pass.
        var personId = model.Classes[best].Id;
        var chosen = candidates.FirstOrDefault(c => c.PersonId == personId) ?? index.Nearest(personId, face.Embedding);
        var named = chosen is not null && probabilities[best] >= model.ProbabilityThreshold && chosen.Similarity >= threshold;
        return new RecognizedFace(face.Box, face.Score, face.Quality, named ? chosen : null, candidates, probabilities[best]);
    }

    /// <summary>The similarity that names a face in the index's space: a learnt metric's calibrated threshold, or the configured one for raw embeddings.</summary>
    public float ThresholdOf(GalleryIndex index) => index.Projection?.SimilarityThreshold ?? Options.SimilarityThreshold;

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
        var threshold = Options.SimilarityThreshold;
        return new VerificationResult(similarity, threshold, similarity >= threshold, a, b, null);
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
