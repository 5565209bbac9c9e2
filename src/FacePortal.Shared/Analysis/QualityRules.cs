using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FacePortal.Shared.Faces.Quality;

namespace FacePortal.Shared.Analysis;

/// <summary>
/// The one set of face quality thresholds (<c>FacePortal:Quality</c>): enrolment refuses a face below them,
/// the lab lists enrolled faces below them, and recognition will not name a face below them ("too poor to
/// name"). Each rule reads one of the stored <see cref="FaceQuality"/> signals.
/// </summary>
public sealed record QualityRules
{
    public const string Section = "FacePortal:Quality";

    /// <summary>Shorter side of the face box, in photo pixels.</summary>
    [Range(0, 10_000)]
    public float MinSizePixels { get; init; } = 48;

    /// <summary>Laplacian variance of the aligned crop.</summary>
    [Range(0, 100_000)]
    public float MinSharpness { get; init; } = 25;

    [Range(0, 255)]
    public float MinBrightness { get; init; } = 30;

    [Range(0, 255)]
    public float MaxBrightness { get; init; } = 240;

    /// <summary>1 is frontal; towards 0 in profile (the nose past one eye).</summary>
    [Range(-1.0, 1.0)]
    public float MinFrontalness { get; init; } = 0.1f;

    [Range(0, 180)]
    public float MaxRollDegrees { get; init; } = 45;

    /// <summary>What is wrong with the face, one phrase per signal, or nothing.</summary>
    public IReadOnlyList<string> Problems(FaceQuality quality)
    {
        ArgumentNullException.ThrowIfNull(quality);
        var problems = new List<string>();
        if (quality.SizePixels < MinSizePixels)
        {
            problems.Add(F($"small: {quality.SizePixels:0} px (under {MinSizePixels:0})"));
        }

        if (quality.Sharpness < MinSharpness)
        {
            problems.Add(F($"blurred: sharpness {quality.Sharpness:0} (under {MinSharpness:0})"));
        }

        if (quality.Brightness < MinBrightness)
        {
            problems.Add(F($"dark: brightness {quality.Brightness:0} (under {MinBrightness:0})"));
        }
        else if (quality.Brightness > MaxBrightness)
        {
            problems.Add(F($"bright: brightness {quality.Brightness:0} (over {MaxBrightness:0})"));
        }

        if (quality.Frontalness < MinFrontalness)
        {
            problems.Add(F($"turned: frontal {quality.Frontalness:0.00} (under {MinFrontalness:0.00})"));
        }

        if (Math.Abs(quality.RollDegrees) > MaxRollDegrees)
        {
            problems.Add(F($"tilted: {quality.RollDegrees:0}° (over {MaxRollDegrees:0}°)"));
        }

        return problems;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
