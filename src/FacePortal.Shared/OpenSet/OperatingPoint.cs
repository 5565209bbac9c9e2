using System.Globalization;

namespace FacePortal.Shared.OpenSet;

/// <summary>Where a decision threshold came from.</summary>
public enum OperatingPointBasis
{
    /// <summary>The embedding model's impostor statistics, shipped with the build.</summary>
    ModelStatistics,

    /// <summary>The model's statistics blended with the gallery's own (each enrolled face against the other people).</summary>
    GalleryStatistics,

    /// <summary>A threshold set by hand (<c>FacePortal:Recognition:SimilarityThreshold</c>).</summary>
    FixedThreshold,

    /// <summary>A learnt metric in use, with the threshold calibrated when it was trained.</summary>
    LearntMetric,
}

/// <summary>
/// The threshold a decision was made at and what it means: at most <see cref="MaxFalseMatchRate"/> of
/// strangers named when the gallery holds <see cref="People"/> people.
/// </summary>
/// <param name="ExpectedFalseMatchRate">The stranger rate the statistics predict at <see cref="Threshold"/> (for a fixed threshold, what it costs).</param>
/// <param name="GalleryWeight">0..1: how much the gallery's own statistics counted beside the model's.</param>
/// <param name="OneToOne">A 1:1 verification's point: one comparison, not a gallery of <see cref="People"/>.</param>
public sealed record OperatingPoint(
    double MaxFalseMatchRate,
    int People,
    float Threshold,
    double ExpectedFalseMatchRate,
    OperatingPointBasis Basis,
    double GalleryWeight = 0,
    bool OneToOne = false)
{
    /// <summary>"named at a 1% false-match rate for 1,680 people".</summary>
    public string Describe() => OneToOne ? DescribeOneToOne() : Basis switch
    {
        OperatingPointBasis.FixedThreshold => Invariant(
            $"fixed threshold {Threshold:0.000} (about {Percent(ExpectedFalseMatchRate)} of strangers named with {People:N0} {PeopleWord})"),
        OperatingPointBasis.LearntMetric => Invariant($"the learnt metric's calibrated threshold {Threshold:0.000}, {People:N0} {PeopleWord}"),
        _ => Invariant($"named at a {Percent(MaxFalseMatchRate)} false-match rate for {People:N0} {PeopleWord}"),
    };

    private string PeopleWord => People == 1 ? "person" : "people";

    private string DescribeOneToOne() => Basis == OperatingPointBasis.FixedThreshold
        ? Invariant($"fixed threshold {Threshold:0.000} (about {Percent(ExpectedFalseMatchRate)} of different-person pairs accepted)")
        : Invariant($"decided at a {Percent(MaxFalseMatchRate)} false-match rate for one comparison (1:1)");

    /// <summary>0.01 as "1%", 0.001 as "0.1%".</summary>
    public static string Percent(double rate) => (rate * 100).ToString(rate >= 0.1 ? "0.#" : "0.###", CultureInfo.InvariantCulture) + "%";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
