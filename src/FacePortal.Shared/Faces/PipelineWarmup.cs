using FacePortal.Shared.Faces.Alignment;

namespace FacePortal.Shared.Faces;

/// <summary>How long the first inference of each model took; the health page shows it.</summary>
public sealed record WarmupReport(TimeSpan Detector, TimeSpan Landmarks, TimeSpan Embedder)
{
    public TimeSpan Total => Detector + Landmarks + Embedder;
}

/// <summary>Runs every model once on a synthetic frame so the first user request does not pay for lazy initialisation.</summary>
public static class PipelineWarmup
{
    public static WarmupReport Run(FacePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        using var bitmap = new SKBitmap(new SKImageInfo(640, 480, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(new SKColor(128, 128, 128));
        using var frame = DecodedImage.FromBitmap(bitmap);

        var started = Stopwatch.GetTimestamp();
        pipeline.Detect(frame);
        var detector = Stopwatch.GetElapsedTime(started);

        started = Stopwatch.GetTimestamp();
        pipeline.Landmarks(frame, new Geometry.FaceBox(220, 140, 420, 340));
        var landmarks = Stopwatch.GetElapsedTime(started);

        started = Stopwatch.GetTimestamp();
        pipeline.Embedder.Embed(new AlignedFace(new byte[ArcFaceTemplate.Size * ArcFaceTemplate.Size * 4], ArcFaceTemplate.Size));
        var embedder = Stopwatch.GetElapsedTime(started);

        return new WarmupReport(detector, landmarks, embedder);
    }
}
