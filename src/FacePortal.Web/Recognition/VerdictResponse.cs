using System.ComponentModel;
using FacePortal.Shared.Search;

namespace FacePortal.Web.Recognition;

/// <summary>The threshold an answer was decided at and what it means, for the HTTP APIs.</summary>
/// <param name="ExpectedFalseMatchRate">The stranger rate the statistics predict at the threshold; null when unknown (a learnt metric).</param>
public sealed record OperatingPointResponse(
    [property: Description("The share of strangers that may be named (0.01: 1 in 100).")] double MaxFalseMatchRate,
    [property: Description("People enrolled when the answer was decided (1 for a 1:1 comparison).")] int People,
    [property: Description("The cosine similarity a face must reach to be named.")] float Threshold,
    [property: Description("The stranger rate the impostor statistics predict at this threshold; null when unknown.")] double? ExpectedFalseMatchRate,
    [property: Description("Where the threshold came from: model-statistics, gallery-statistics, fixed-threshold or learnt-metric.")] string Basis,
    [property: Description("In words, e.g. \"named at a 1% false-match rate for 16 people\".")] string Description)
{
    public static OperatingPointResponse From(OperatingPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return new(
            point.MaxFalseMatchRate,
            point.People,
            point.Threshold,
            double.IsFinite(point.ExpectedFalseMatchRate) ? point.ExpectedFalseMatchRate : null,
            BasisName(point.Basis),
            point.Describe());
    }

    public static string BasisName(OperatingPointBasis basis) => basis switch
    {
        OperatingPointBasis.GalleryStatistics => "gallery-statistics",
        OperatingPointBasis.FixedThreshold => "fixed-threshold",
        OperatingPointBasis.LearntMetric => "learnt-metric",
        _ => "model-statistics",
    };
}

/// <summary>A person a verdict mentions: the one named, or the two an ambiguous face could be.</summary>
public sealed record VerdictPerson(Guid PersonId, string Name, float Similarity)
{
    public static VerdictPerson? From(GalleryMatch? match) => match is null ? null : new(match.PersonId, match.Name, match.Similarity);
}

/// <summary>
/// Who a face is and why: <see cref="Code"/> named, nobody-close, ambiguous, too-poor or
/// marked-not-this-person; the person only when named; the runner-up when ambiguous.
/// </summary>
public sealed record VerdictResponse(
    [property: Description("named, nobody-close, ambiguous, too-poor or marked-not-this-person.")] string Code,
    [property: Description("For people: the name, or \"Unknown (nobody close)\", \"Unknown (could be A or B)\", \"Unknown (face too poor)\".")] string Label,
    [property: Description("One sentence: why this answer (for too-poor, what was wrong with the face).")] string Reason,
    [property: Description("True only when Code is named.")] bool IsKnown,
    [property: Description("The person named; null for every Unknown.")] Guid? PersonId,
    [property: Description("The name of the person named; null for every Unknown.")] string? Name,
    [property: Description("The closest person's cosine similarity (0 with an empty gallery).")] float Similarity,
    [property: Description("With a trained model in use: its probability for the person it chose.")] float? Probability,
    [property: Description("The closest person, named or not.")] VerdictPerson? Best,
    [property: Description("When ambiguous: the second person the face could be.")] VerdictPerson? RunnerUp,
    [property: Description("The threshold the answer was decided at and what it means.")] OperatingPointResponse OperatingPoint)
{
    public static VerdictResponse From(Verdict verdict, float? probability = null)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new(
            verdict.Code,
            verdict.Label,
            verdict.Reason,
            verdict.IsNamed,
            verdict.Person?.PersonId,
            verdict.Person?.Name,
            verdict.Similarity,
            probability,
            VerdictPerson.From(verdict.Best),
            verdict.Kind == VerdictKind.Ambiguous ? VerdictPerson.From(verdict.RunnerUp) : null,
            OperatingPointResponse.From(verdict.OperatingPoint));
    }

    /// <summary>
    /// The verdict under a caller's stricter threshold: a face named below it becomes nobody-close, saying
    /// so; every other answer stands (a stricter threshold can only turn a name into Unknown).
    /// </summary>
    public static VerdictResponse Stricter(Verdict verdict, float callerThreshold, float? probability = null)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict.Person is not { } person || person.Similarity >= callerThreshold)
        {
            return From(verdict, probability);
        }

        var demoted = verdict with
        {
            Kind = VerdictKind.NobodyClose,
            Person = null,
            Reason = FormattableString.Invariant(
                $"Nobody close enough: the closest, {person.Name} at {person.Similarity:0.000}, reaches the server's threshold {verdict.OperatingPoint.Threshold:0.000} but not the caller's threshold {callerThreshold:0.000}."),
        };
        return From(demoted, probability);
    }
}

/// <summary>The answer of a 1:1 comparison: same person or not, why, and the operating point of one comparison.</summary>
public sealed record VerificationVerdict(
    [property: Description("same-person or different-people.")] string Code,
    [property: Description("\"Same person\" or \"Different people\".")] string Label,
    [property: Description("One sentence: the similarity against the threshold.")] string Reason,
    [property: Description("The operating point of one comparison.")] OperatingPointResponse OperatingPoint)
{
    public static VerificationVerdict Of(float similarity, OperatingPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var same = similarity >= point.Threshold;
        var reason = same
            ? FormattableString.Invariant($"Similarity {similarity:0.000} reaches the threshold {point.Threshold:0.000} ({point.Describe()}).")
            : FormattableString.Invariant($"Similarity {similarity:0.000} is under the threshold {point.Threshold:0.000} ({point.Describe()}).");
        return new(same ? "same-person" : "different-people", same ? "Same person" : "Different people", reason, OperatingPointResponse.From(point));
    }
}
