using System.Collections.Concurrent;
using FacePortal.Shared.Faces.Landmarks;

namespace FacePortal.Shared.Faces.Attributes;

/// <summary>
/// Head pose, age, gender, expression, eye state and (experimental) liveness of detected faces, from
/// the attribute models of the npm package the detector comes from. Thread-safe; one instance serves
/// the process. Each model is verified against its pinned SHA-256 and loaded on the first request that
/// asks for it, so a server that never asks pays nothing.
/// </summary>
public sealed class FaceAttributeAnalyzer : IDisposable
{
    /// <summary>The shorter side, in analysed-image pixels, below which a face is refused: the eye crops would be a few pixels.</summary>
    public const int MinFaceSide = 32;

    /// <summary>Every plugin this analyzer knows.</summary>
    public const FacePlugins AllPlugins = FacePlugins.Pose | FacePlugins.Age | FacePlugins.Gender | FacePlugins.Expression | FacePlugins.Eyes | FacePlugins.Liveness;

    private readonly FaceModelOptions _options;
    private readonly ConcurrentBag<FaceModels> _loaded = [];
    private readonly Lazy<HeadPoseModel> _pose;
    private readonly Lazy<SsrNetModel> _age;
    private readonly Lazy<SsrNetModel> _gender;
    private readonly Lazy<ExpressionModel> _expression;
    private readonly Lazy<EyeStateModel> _eyes;
    private readonly Lazy<LivenessModel> _liveness;

    public FaceAttributeAnalyzer(FaceModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _pose = new(() => new HeadPoseModel(Load(ModelFile.Pose)));
        _age = new(() => new SsrNetModel(Load(ModelFile.Age), 101));
        _gender = new(() => new SsrNetModel(Load(ModelFile.Gender), 1));
        _expression = new(() => new ExpressionModel(Load(ModelFile.Expression)));
        _eyes = new(() => new EyeStateModel(Load(ModelFile.Eye)));
        _liveness = new(() => new LivenessModel(Load(ModelFile.Liveness)));
    }

    /// <summary>The expression labels, in the model's class order.</summary>
    public static IReadOnlyList<string> ExpressionLabels => ExpressionModel.Labels;

    /// <summary>The liveness score at or above which <see cref="LivenessEstimate.IsLive"/> is true.</summary>
    public static float LivenessThreshold => LivenessModel.Threshold;

    /// <summary>The liveness model's output class read as "live", and whether it is fed B, G, R: settled by <c>liveness-eval</c>.</summary>
    public static (int LiveClass, bool BlueFirst) LivenessReading => (LivenessModel.LiveClass, LivenessModel.BlueFirst);

    /// <summary>
    /// The asked attributes of one face the pipeline found in <paramref name="image"/> (its box and
    /// landmarks are in original-image coordinates, as <see cref="FacePipeline"/> gives them). A face whose
    /// shorter side is under <see cref="MinFaceSide"/> analysed pixels gets <see cref="FaceAttributes.Refused"/>.
    /// Throws <see cref="ModelFileException"/> when an asked model is missing or altered.
    /// </summary>
    public FaceAttributes Analyze(DecodedImage image, FaceAnalysis face, FacePlugins plugins)
    {
        ArgumentNullException.ThrowIfNull(face);
        return Analyze(image, face.Box, face.Landmarks, plugins);
    }

    /// <summary>
    /// <see cref="Analyze(DecodedImage, FaceAnalysis, FacePlugins)"/> from a box and 68 landmarks in original-image
    /// coordinates. Only <see cref="FacePlugins.Eyes"/> needs the landmarks; the others work from the box alone.
    /// </summary>
    public FaceAttributes Analyze(DecodedImage image, FaceBox box, FaceLandmarks? landmarks, FacePlugins plugins)
    {
        ArgumentNullException.ThrowIfNull(image);
        if ((plugins & ~AllPlugins) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(plugins), plugins, $"Unknown face plugins: {plugins & ~AllPlugins}.");
        }

        if (landmarks is null && plugins.HasFlag(FacePlugins.Eyes))
        {
            throw new ArgumentNullException(nameof(landmarks), "The eyes plugin needs the face's 68 landmarks.");
        }

        if (plugins == FacePlugins.None)
        {
            return new FaceAttributes();
        }

        // The crops are cut from the working image, which may be a downscaled copy of the original.
        var toWorking = 1 / image.ScaleToOriginal;
        var working = box.Scale(toWorking);
        var side = Math.Min(working.Width, working.Height);
        if (side < MinFaceSide)
        {
            return FaceAttributes.Refused(
                $"The face is {working.Width:0}x{working.Height:0} pixels in the analysed image; face attributes need at least {MinFaceSide} pixels on its shorter side.");
        }

        return new FaceAttributes(
            Pose: plugins.HasFlag(FacePlugins.Pose) ? _pose.Value.Estimate(image, working) : null,
            Age: plugins.HasFlag(FacePlugins.Age) ? new AgeEstimate(Math.Max(0, _age.Value.Estimate(image, working))) : null,
            Gender: plugins.HasFlag(FacePlugins.Gender) ? Gender(_gender.Value.Estimate(image, working)) : null,
            Expression: plugins.HasFlag(FacePlugins.Expression) ? _expression.Value.Estimate(image, working) : null,
            Eyes: plugins.HasFlag(FacePlugins.Eyes) ? _eyes.Value.Estimate(image, landmarks!.Scale(toWorking)) : null,
            Liveness: plugins.HasFlag(FacePlugins.Liveness) ? _liveness.Value.Estimate(image, working) : null);
    }

    /// <summary>
    /// The liveness model's three class probabilities for a face (box in original coordinates), fed
    /// B, G, R (as in use) or R, G, B (as the package's JavaScript): what <c>liveness-eval</c> measures.
    /// </summary>
    public float[] LivenessProbabilities(DecodedImage image, FaceBox box, bool blueFirst = true)
    {
        ArgumentNullException.ThrowIfNull(image);
        return _liveness.Value.Probabilities(image, box.Scale(1 / image.ScaleToOriginal), blueFirst);
    }

    /// <summary>SSR-Net's gender score runs from 0 to 1; 1 is "male" (checked on celeb24's 24 named people).</summary>
    private static GenderEstimate Gender(float score)
    {
        var male = Math.Clamp(score, 0, 1);
        return male >= 0.5f ? new GenderEstimate("male", male) : new GenderEstimate("female", 1 - male);
    }

    private AttributeSession Load(string file)
    {
        var models = FaceModels.Load(_options, file);
        _loaded.Add(models);
        return new AttributeSession(models[file]);
    }

    public void Dispose()
    {
        while (_loaded.TryTake(out var models))
        {
            models.Dispose();
        }
    }
}
