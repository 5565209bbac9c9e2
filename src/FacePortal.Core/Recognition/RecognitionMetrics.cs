using System.Diagnostics.Metrics;
using FacePortal.Core.Telemetry;

namespace FacePortal.Core.Recognition;

/// <summary>
/// What recognition reports: each pipeline stage's latency (a histogram per stage, for the photo
/// API, the pages and the live hub alike), the same stages as spans, and the gallery's size.
/// </summary>
public sealed class RecognitionMetrics
{
    /// <summary>The attribute that names the stage on <c>faceportal.recognition.stage.duration</c>.</summary>
    public const string StageAttribute = "faceportal.recognition.stage";

    /// <summary>The attribute that names the gallery (its id) on the gallery size gauges.</summary>
    public const string GalleryAttribute = "faceportal.gallery";

    private readonly Histogram<double> _stageDuration;

    public RecognitionMetrics(IMeterFactory meters, RecognitionGallery gallery)
    {
        var meter = meters.PortalMeter();
        _stageDuration = meter.CreateHistogram(
            "faceportal.recognition.stage.duration",
            unit: "s",
            description: "Time one image spent in each recognition stage (decode, detect, landmarks, align, embed, search).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });

        // Read when scraped, one measurement per gallery whose index this node has loaded (a gallery nobody searched has none).
        meter.CreateObservableGauge(
            "faceportal.gallery.people",
            () => Observe(gallery, index => index.PersonCount),
            unit: "{person}",
            description: "People with at least one enrolled face in a gallery's recognition index on this node.");
        meter.CreateObservableGauge(
            "faceportal.gallery.faces",
            () => Observe(gallery, index => index.FaceCount),
            unit: "{face}",
            description: "Enrolled faces in a gallery's recognition index on this node.");
    }

    /// <summary>Records one recognition's stages, as measurements and as spans ending now.</summary>
    public void Record(RecognitionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var timings = result.Timings;

        // Stages in the order they ran; a stage that did not run (no face, so no landmarks) is left out.
        (string Name, TimeSpan Duration)[] stages =
        [
            ("decode", timings.Decode),
            ("detect", timings.Detect),
            ("landmarks", timings.Landmarks),
            ("align", timings.Align),
            ("embed", timings.Embed),
            ("search", result.Match),
        ];
        foreach (var (name, duration) in stages)
        {
            if (duration > TimeSpan.Zero)
            {
                _stageDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(StageAttribute, name));
            }
        }

        RecordSpans(result, stages);
    }

    private static void RecordSpans(RecognitionResult result, (string Name, TimeSpan Duration)[] stages)
    {
        if (!PortalTelemetry.Traces.HasListeners())
        {
            return;
        }

        var end = DateTimeOffset.UtcNow;
        var start = end - stages.Aggregate(TimeSpan.Zero, (total, stage) => total + stage.Duration);
        using var recognition = PortalTelemetry.Span("recognize", start, end);
        recognition?.SetTag("faceportal.faces", result.Faces.Count);
        recognition?.SetTag("faceportal.recognizer", result.Recognizer.StartsWith("model", StringComparison.Ordinal) ? "model" : "gallery");
        foreach (var (name, duration) in stages)
        {
            if (duration > TimeSpan.Zero)
            {
                PortalTelemetry.Span(name, start, start + duration)?.Dispose();
            }

            start += duration;
        }
    }

    private static IEnumerable<Measurement<int>> Observe(RecognitionGallery gallery, Func<Shared.Search.GalleryIndex, int> count)
    {
        foreach (var galleryId in gallery.LoadedGalleries)
        {
            if (gallery.LoadedIndex(galleryId) is { } index)
            {
                yield return new Measurement<int>(count(index), new KeyValuePair<string, object?>(GalleryAttribute, galleryId.ToString()));
            }
        }
    }
}
