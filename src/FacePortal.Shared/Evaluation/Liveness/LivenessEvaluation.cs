using FacePortal.Shared.Faces;
using FacePortal.Shared.Faces.Attributes;

namespace FacePortal.Shared.Evaluation.Liveness;

/// <summary>The liveness model's three class probabilities for one frame's subject, in both channel orders.</summary>
public sealed record LivenessSample(LivenessKind Kind, string Source, float[] BlueFirst, float[] RedFirst)
{
    public bool IsLive => Kind is LivenessKind.RealPhoto or LivenessKind.WebcamFrame;

    public float Score(bool blueFirst, int liveClass) => (blueFirst ? BlueFirst : RedFirst)[liveClass];
}

/// <summary>
/// Builds the frames of every kind from a folder's photos, finds each frame's subject and scores it.
/// A frame whose subject the detector misses is counted, not scored.
/// </summary>
public sealed class LivenessEvaluation(FacePipeline pipeline, FaceAttributeAnalyzer analyzer)
{
    public sealed record Result(IReadOnlyList<LivenessSample> Samples, IReadOnlyDictionary<LivenessKind, int> Missed);

    /// <summary>Scores every frame made from <paramref name="photos"/>; with <paramref name="saveTo"/>, the first few frames of each kind are written there as PNG.</summary>
    public Result Run(IReadOnlyList<string> photos, string? saveTo = null)
    {
        ArgumentNullException.ThrowIfNull(photos);
        var frames = new SpoofFrames();
        var samples = new List<LivenessSample>();
        var missed = Enum.GetValues<LivenessKind>().ToDictionary(k => k, _ => 0);
        var saved = new Dictionary<LivenessKind, int>();
        for (var i = 0; i < photos.Count; i++)
        {
            using var photo = Load(photos[i]);
            using var scene = Load(photos[(i + (photos.Count / 2)) % photos.Count]);
            var name = Path.GetFileName(photos[i]);
            LivenessFrame[] made =
            [
                SpoofFrames.RealPhoto(name, photo),
                frames.WebcamFrame(name, photo),
                frames.PhotoOfPhoto(name, photo, scene),
                frames.Screen(name, photo),
                frames.Print(name, photo),
            ];
            foreach (var frame in made)
            {
                using (frame)
                {
                    var sample = Score(frame);
                    if (sample is null)
                    {
                        missed[frame.Kind]++;
                        continue;
                    }

                    samples.Add(sample);
                    if (saveTo is not null && saved.GetValueOrDefault(frame.Kind) < 3)
                    {
                        saved[frame.Kind] = saved.GetValueOrDefault(frame.Kind) + 1;
                        Directory.CreateDirectory(saveTo);
                        using var png = frame.Pixels.Encode(SKEncodedImageFormat.Png, 100);
                        File.WriteAllBytes(Path.Combine(saveTo, $"{frame.Kind}-{Path.GetFileNameWithoutExtension(name)}.png"), png.ToArray());
                    }
                }
            }
        }

        return new Result(samples, missed);
    }

    private LivenessSample? Score(LivenessFrame frame)
    {
        using var image = DecodedImage.FromBitmap(frame.Pixels);
        var subject = pipeline.Analyze(image)
            .Where(f => frame.SubjectRegion.Contains(f.Box.CenterX, f.Box.CenterY))
            .MaxBy(f => f.Box.Area);
        return subject is null
            ? null
            : new LivenessSample(frame.Kind, frame.Source, analyzer.LivenessProbabilities(image, subject.Box, blueFirst: true), analyzer.LivenessProbabilities(image, subject.Box, blueFirst: false));
    }

    private SKBitmap Load(string path)
    {
        // Through our decoder, so EXIF orientation is applied as everywhere else.
        using var decoded = pipeline.Decoder.Decode(File.ReadAllBytes(path));
        return SKBitmap.Decode(ImageTransforms.CoverJpeg(decoded, decoded.Width, decoded.Height, 95)).Copy(SKColorType.Rgba8888);
    }
}

/// <summary>Separation figures for one way of reading the model (a channel order and a class taken as "live").</summary>
public sealed record LivenessSeparation(bool BlueFirst, int LiveClass, double Auc)
{
    /// <summary>AUC of live frames against all spoofs, for every channel order and class: which reading separates, if any.</summary>
    public static IReadOnlyList<LivenessSeparation> All(IReadOnlyList<LivenessSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var result = new List<LivenessSeparation>();
        foreach (var blueFirst in new[] { true, false })
        {
            for (var c = 0; c < 3; c++)
            {
                result.Add(new LivenessSeparation(blueFirst, c, AucOf(samples, blueFirst, c, _ => true)));
            }
        }

        return result;
    }

    /// <summary>AUC of live frames against the spoofs <paramref name="spoofs"/> selects.</summary>
    public static double AucOf(IReadOnlyList<LivenessSample> samples, bool blueFirst, int liveClass, Func<LivenessKind, bool> spoofs)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(spoofs);
        var live = samples.Where(s => s.IsLive).Select(s => s.Score(blueFirst, liveClass)).Order().ToArray();
        var fake = samples.Where(s => !s.IsLive && spoofs(s.Kind)).Select(s => s.Score(blueFirst, liveClass)).OrderDescending().ToArray();
        return live.Length == 0 || fake.Length == 0 ? double.NaN : VerificationMetrics.RocAuc(live, fake);
    }

    /// <summary>Share of live frames at or above the threshold (TPR) and of spoofs at or above it (FPR: attacks accepted).</summary>
    public static (double Tpr, double Fpr) Rates(IReadOnlyList<LivenessSample> samples, bool blueFirst, int liveClass, float threshold)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var live = samples.Where(s => s.IsLive).ToList();
        var fake = samples.Where(s => !s.IsLive).ToList();
        return (
            live.Count == 0 ? double.NaN : live.Count(s => s.Score(blueFirst, liveClass) >= threshold) / (double)live.Count,
            fake.Count == 0 ? double.NaN : fake.Count(s => s.Score(blueFirst, liveClass) >= threshold) / (double)fake.Count);
    }

    /// <summary>The threshold with the greatest TPR - FPR (Youden's J) among the observed scores.</summary>
    public static float BestThreshold(IReadOnlyList<LivenessSample> samples, bool blueFirst, int liveClass)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var best = 0.5f;
        var bestJ = double.NegativeInfinity;
        foreach (var t in samples.Select(s => s.Score(blueFirst, liveClass)).Distinct())
        {
            var (tpr, fpr) = Rates(samples, blueFirst, liveClass, t);
            if (tpr - fpr > bestJ)
            {
                bestJ = tpr - fpr;
                best = t;
            }
        }

        return best;
    }
}
