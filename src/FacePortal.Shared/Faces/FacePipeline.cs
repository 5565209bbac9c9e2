using FacePortal.Shared.Faces.Alignment;
using FacePortal.Shared.Faces.Detection;
using FacePortal.Shared.Faces.Embeddings;
using FacePortal.Shared.Faces.Landmarks;
using FacePortal.Shared.Faces.Quality;

namespace FacePortal.Shared.Faces;

/// <summary>
/// Image to faces: decode, detect, landmarks, align, embed, assess. Thread-safe; one
/// instance serves the whole process.
/// </summary>
public sealed class FacePipeline
{
    private readonly ImageDecoder _decoder;
    private readonly UltraFaceDetector _detector;
    private readonly LandmarkDetector _landmarks;
    private readonly FaceAligner _aligner = new();
    private readonly FaceEmbedder _embedder;
    private readonly int _maxParallelFaces;

    public FacePipeline(FaceModels models, FacePipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _decoder = new ImageDecoder(options.Limits, new SkiaSharp.SKSizeI(UltraFaceDetector.InputWidth, UltraFaceDetector.InputHeight));
        _detector = new UltraFaceDetector(models, options.Detector);
        _landmarks = new LandmarkDetector(models);
        _embedder = new FaceEmbedder(models);
        _maxParallelFaces = options.MaxParallelFaces;
    }

    public ImageDecoder Decoder => _decoder;

    public FaceEmbedder Embedder => _embedder;

    /// <summary>Decodes and analyses an encoded image. Throws <see cref="ImageDecodeException"/> for bad input.</summary>
    public IReadOnlyList<FaceAnalysis> Analyze(ReadOnlySpan<byte> encoded, PipelineTimings? timings = null)
    {
        var started = Stopwatch.GetTimestamp();
        using var image = _decoder.Decode(encoded);
        timings?.Decode = PipelineTimings.Since(started);
        return Analyze(image, timings);
    }

    /// <summary>All faces in the image, best detection score first.</summary>
    public IReadOnlyList<FaceAnalysis> Analyze(DecodedImage image, PipelineTimings? timings = null) =>
        Analyze(image, scoreThreshold: null, timings);

    /// <summary>
    /// A photo that should show one person: its faces and the <see cref="PrimaryFace"/>; when the
    /// configured detector threshold finds none, the detector runs once more at its retry threshold.
    /// </summary>
    public OnePersonAnalysis AnalyzeOnePerson(DecodedImage image, PipelineTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        var faces = Analyze(image, timings);
        float? retry = null;
        var options = _detector.Options;
        if (faces.Count == 0 && options.RetryScoreThreshold < options.ScoreThreshold)
        {
            retry = options.RetryScoreThreshold;
            faces = Analyze(image, retry, timings);
        }

        return new OnePersonAnalysis(faces, PrimaryFace.Of(faces, image.OriginalWidth, image.OriginalHeight), image.OriginalWidth, image.OriginalHeight, retry);
    }

    /// <summary><see cref="AnalyzeOnePerson(DecodedImage, PipelineTimings?)"/> of an encoded photo. Throws <see cref="ImageDecodeException"/> for bad input.</summary>
    public OnePersonAnalysis AnalyzeOnePerson(ReadOnlySpan<byte> encoded)
    {
        using var image = _decoder.Decode(encoded);
        return AnalyzeOnePerson(image);
    }

    private IReadOnlyList<FaceAnalysis> Analyze(DecodedImage image, float? scoreThreshold, PipelineTimings? timings)
    {
        ArgumentNullException.ThrowIfNull(image);
        var started = Stopwatch.GetTimestamp();
        var detections = _detector.Detect(image, scoreThreshold);
        timings?.Detect = PipelineTimings.Since(started);
        if (detections.Count == 0)
        {
            return [];
        }

        started = Stopwatch.GetTimestamp();
        image.Prefetch([.. detections.Select(d => LandmarkDetector.CropOf(d.Box))]);
        var landmarks = new FaceLandmarks[detections.Count];
        ForEachFace(detections.Count, i => landmarks[i] = _landmarks.Detect(image, detections[i].Box));
        timings?.Landmarks = PipelineTimings.Since(started);

        started = Stopwatch.GetTimestamp();
        image.Prefetch([.. landmarks.Select(l => FaceAligner.CropOf(l.ToFivePoints()))]);
        var aligned = new AlignedFace[detections.Count];
        ForEachFace(detections.Count, i => aligned[i] = _aligner.Align(image, landmarks[i].ToFivePoints()));
        timings?.Align = PipelineTimings.Since(started);

        started = Stopwatch.GetTimestamp();
        float[][] embeddings;
        if (_embedder.SupportsBatch)
        {
            embeddings = _embedder.Embed(aligned);
        }
        else
        {
            var one = new float[aligned.Length][];
            ForEachFace(aligned.Length, i => one[i] = _embedder.Embed(aligned[i]));
            embeddings = one;
        }

        timings?.Embed = PipelineTimings.Since(started);

        var scale = image.ScaleToOriginal;
        var faces = new FaceAnalysis[detections.Count];
        for (var i = 0; i < detections.Count; i++)
        {
            var box = detections[i].Box.Scale(scale);
            var original = landmarks[i].Scale(scale);
            var fivePoints = original.ToFivePoints();
            faces[i] = new FaceAnalysis(
                box,
                detections[i].Score,
                original,
                fivePoints,
                aligned[i],
                embeddings[i],
                QualityAssessor.Assess(box, fivePoints, aligned[i]));
        }

        return faces;
    }

    /// <summary>
    /// The models take one face per run (their batch dimension is fixed at 1), so the faces of a
    /// frame run side by side, up to <see cref="FacePipelineOptions.MaxParallelFaces"/> at once.
    /// </summary>
    private void ForEachFace(int count, Action<int> body)
    {
        if (count == 1 || _maxParallelFaces <= 1)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = _maxParallelFaces }, body);
    }

    /// <summary>68 landmarks for a box, in original-image coordinates.</summary>
    public FaceLandmarks Landmarks(DecodedImage image, Geometry.FaceBox box)
    {
        ArgumentNullException.ThrowIfNull(image);
        var scale = image.ScaleToOriginal;
        return _landmarks.Detect(image, box.Scale(1 / scale)).Scale(scale);
    }

    /// <summary>Boxes only, in original-image coordinates: the cheap path for live previews.</summary>
    public IReadOnlyList<FaceDetection> Detect(DecodedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var scale = image.ScaleToOriginal;
        return _detector.Detect(image).Select(d => d with { Box = d.Box.Scale(scale) }).ToList();
    }
}
