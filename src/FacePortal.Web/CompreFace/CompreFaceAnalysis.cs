using System.Diagnostics;
using FacePortal.Shared.Faces.Attributes;

namespace FacePortal.Web.CompreFace;

/// <summary>
/// A photo's faces as CompreFace's detect, recognize and verify describe them: FacePortal's pipeline finds and
/// embeds them, <see cref="FaceAttributeAnalyzer"/> answers the age, gender and pose plugins, the five landmarks and
/// the embedding come from the pipeline itself (the landmarks and calculator plugins). The query parameters
/// det_prob_threshold and limit choose which faces are answered: CompreFace answers the biggest first.
/// </summary>
public sealed class CompreFaceAnalysis(FacePipeline pipeline, FaceAttributeAnalyzer attributes)
{
    /// <summary>Decodes and analyses one photo. Throws <see cref="ImageDecodeException"/> for bad input.</summary>
    public AnalyzedPhoto Analyze(byte[] photo, CompreFaceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var timings = new PipelineTimings();
        var started = Stopwatch.GetTimestamp();
        using var image = pipeline.Decoder.Decode(photo);
        timings.Decode = Stopwatch.GetElapsedTime(started);
        var found = pipeline.Analyze(image, timings);
        var detector = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var chosen = found.Where(f => options.DetProbThreshold is not { } min || f.Score >= min)
            .OrderByDescending(f => f.Box.Area)
            .Take(options.Limit == 0 ? int.MaxValue : options.Limit)
            .ToList();
        var faces = new List<AnalyzedFace>(chosen.Count);
        foreach (var face in chosen)
        {
            var pluginStarted = Stopwatch.GetTimestamp();
            var measured = options.Plugins.Attributes == FacePlugins.None ? null : attributes.Analyze(image, face, options.Plugins.Attributes);
            var attributeTime = Stopwatch.GetElapsedTime(pluginStarted).TotalMilliseconds;
            faces.Add(new AnalyzedFace(face, Describe(face, measured, options, detector, attributeTime)));
        }

        return new AnalyzedPhoto(image.OriginalWidth, image.OriginalHeight, faces, timings);
    }

    private static CompreFaceFace Describe(FaceAnalysis face, FaceAttributes? measured, CompreFaceOptions options, double detector, double attributeTime)
    {
        var box = face.Box;
        Dictionary<string, double>? times = null;
        if (options.Status)
        {
            times = new() { ["detector"] = Math.Round(detector, 1) };
            foreach (var name in FacePluginsParameter.NamesOf(options.Plugins.Attributes))
            {
                // The attribute models run in one call; each plugin is shown with that call's time.
                times[name] = Math.Round(attributeTime, 1);
            }
        }

        return new CompreFaceFace
        {
            Box = new CompreFaceBox(MathF.Round(face.Score, 5), (int)MathF.Round(box.Right), (int)MathF.Round(box.Bottom), (int)MathF.Round(Math.Max(0, box.Left)), (int)MathF.Round(Math.Max(0, box.Top))),
            Age = measured?.Age is { } age ? new CompreFaceAge((int)MathF.Floor(age.Years), (int)MathF.Ceiling(age.Years)) : null,
            Gender = measured?.Gender is { } gender ? new CompreFaceGender(gender.Probability, gender.Label) : null,
            Pose = measured?.Pose is { } pose ? new CompreFacePose(pose.Pitch, pose.Roll, pose.Yaw) : null,
            Landmarks = options.Plugins.Landmarks ? [.. face.FivePoints.Select(p => new[] { (int)MathF.Round(p.X), (int)MathF.Round(p.Y) })] : null,
            Embedding = options.Plugins.Calculator ? face.Embedding : null,
            ExecutionTime = times,
        };
    }

    /// <summary>With status=true: what answered each plugin.</summary>
    public static IReadOnlyDictionary<string, string>? PluginsVersions(CompreFaceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Status)
        {
            return null;
        }

        var versions = new Dictionary<string, string> { ["detector"] = "faceportal.FaceDetector", ["calculator"] = "faceportal.FaceEmbedder" };
        foreach (var name in FacePluginsParameter.NamesOf(options.Plugins.Attributes))
        {
            versions[name] = "faceportal.FaceAttributeAnalyzer";
        }

        return versions;
    }
}

public sealed record AnalyzedFace(FaceAnalysis Face, CompreFaceFace Json);

/// <param name="Timings">The pipeline's stages, for the recognition metrics the native endpoints record too.</param>
public sealed record AnalyzedPhoto(int Width, int Height, IReadOnlyList<AnalyzedFace> Faces, PipelineTimings Timings);

/// <summary>
/// CompreFace's face_plugins: age, gender and pose are FacePortal's attribute models (through
/// <see cref="FacePluginsParameter"/>); landmarks and calculator come with every face. Its mask and
/// landmarks2d106 plugins have no model here: they are accepted and left out of the answer.
/// </summary>
public sealed record CompreFacePlugins(FacePlugins Attributes, bool Landmarks, bool Calculator)
{
    private static readonly string[] AttributeSlugs = ["age", "gender", "pose"];

    public static CompreFacePlugins Parse(string? value)
    {
        var slugs = (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant()).ToHashSet();
        var (attributes, _) = FacePluginsParameter.Parse(string.Join(',', slugs.Intersect(AttributeSlugs)));
        return new CompreFacePlugins(attributes, slugs.Contains("landmarks"), slugs.Contains("calculator"));
    }
}

/// <summary>The query parameters CompreFace's face services share, checked.</summary>
public sealed record CompreFaceOptions(int Limit, float? DetProbThreshold, CompreFacePlugins Plugins, bool Status, int PredictionCount)
{
    /// <summary>The options, or the sentence that says which parameter is wrong.</summary>
    public static (CompreFaceOptions? Options, string? Problem) Parse(int? limit, string? detProbThreshold, string? facePlugins, bool? status, int? predictionCount = null)
    {
        if (limit is < 0)
        {
            return (null, "limit should be greater or equal to 0");
        }

        if (predictionCount is < 1)
        {
            return (null, "prediction_count should be greater than 0");
        }

        float? threshold = null;
        if (!string.IsNullOrWhiteSpace(detProbThreshold))
        {
            if (!float.TryParse(detProbThreshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !float.IsFinite(parsed) || parsed < 0 || parsed > 1)
            {
                return (null, "Detection probability threshold should be between 0.0 and 1.0");
            }

            threshold = parsed;
        }

        return (new CompreFaceOptions(limit ?? 0, threshold, CompreFacePlugins.Parse(facePlugins), status ?? false, predictionCount ?? 1), null);
    }
}
