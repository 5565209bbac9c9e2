using System.Globalization;
using FacePortal.Shared.Analysis;
using FacePortal.Shared.Faces.Quality;
using FacePortal.Shared.Search;

namespace FacePortal.Shared.OpenSet;

/// <summary>
/// The one open-set decision, used by the server and by <c>eval-open-set</c> alike: a face is named only
/// when it is good enough to judge, its closest person reaches the operating point's threshold, no second
/// person is nearly as close, and it is not closer to a face an admin marked "not this person".
/// </summary>
/// <param name="quality">The rules a face must meet to be judged at all (the same ones enrolment uses).</param>
/// <param name="ambiguityMargin">
/// When the runner-up also reaches the threshold, the best must lead it by this much similarity to be named.
/// </param>
public sealed class OpenSetDecider(QualityRules quality, float ambiguityMargin)
{
    public QualityRules Quality { get; } = quality;

    public float AmbiguityMargin { get; } = ambiguityMargin;

    /// <param name="candidates">The closest people, best first.</param>
    /// <param name="nearestNegative">
    /// The similarity to the best candidate's nearest "not this person" face, or null when they have none.
    /// </param>
    public Verdict Decide(FaceQuality? faceQuality, IReadOnlyList<GalleryMatch> candidates, OperatingPoint point, float? nearestNegative = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(point);
        var best = candidates.Count > 0 ? candidates[0] : null;
        var runnerUp = candidates.Count > 1 ? candidates[1] : null;
        var similarity = best?.Similarity ?? 0;
        Verdict Unknown(VerdictKind kind, string reason) => new(kind, similarity, null, best, runnerUp, reason, point);

        if (faceQuality is not null && Quality.Problems(faceQuality) is { Count: > 0 } problems)
        {
            return Unknown(VerdictKind.TooPoor, $"Too poor to name: {string.Join(", ", problems)}.");
        }

        if (best is null)
        {
            return Unknown(VerdictKind.NobodyClose, "Nobody is enrolled yet.");
        }

        if (best.Similarity < point.Threshold)
        {
            return Unknown(VerdictKind.NobodyClose, F($"Nobody close: the nearest, {best.Name}, is at {best.Similarity:0.000}, below {point.Threshold:0.000} ({point.Describe()})."));
        }

        if (runnerUp is not null && runnerUp.Similarity >= point.Threshold && best.Similarity - runnerUp.Similarity < AmbiguityMargin)
        {
            return Unknown(
                VerdictKind.Ambiguous,
                F($"Could be {best.Name} ({best.Similarity:0.000}) or {runnerUp.Name} ({runnerUp.Similarity:0.000}): both reach {point.Threshold:0.000} and they are within {AmbiguityMargin:0.00} of each other."));
        }

        if (nearestNegative is { } negative && negative >= best.Similarity)
        {
            return Unknown(
                VerdictKind.MarkedNotThisPerson,
                F($"Closer ({negative:0.000}) to a face marked \"not {best.Name}\" than to {best.Name}'s own faces ({best.Similarity:0.000})."));
        }

        return new Verdict(VerdictKind.Named, similarity, best, best, runnerUp, F($"{best.Name} at {best.Similarity:0.000}, {point.Describe()}."), point);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
