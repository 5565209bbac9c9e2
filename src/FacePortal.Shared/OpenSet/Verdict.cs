using FacePortal.Shared.Search;

namespace FacePortal.Shared.OpenSet;

/// <summary>What recognition concluded about one face.</summary>
public enum VerdictKind
{
    /// <summary>One person, similar enough at the operating point and clear of everyone else.</summary>
    Named,

    /// <summary>Unknown: nobody enrolled is similar enough.</summary>
    NobodyClose,

    /// <summary>Unknown: two people are both similar enough and too close to tell apart.</summary>
    Ambiguous,

    /// <summary>Unknown: the face is too small, blurred or turned to judge.</summary>
    TooPoor,

    /// <summary>Unknown: the face is closer to a face an admin marked "not this person" than to the person's own faces.</summary>
    MarkedNotThisPerson,
}

/// <summary>
/// A face's answer and why: the person when <see cref="Kind"/> is <see cref="VerdictKind.Named"/>, the
/// closest candidates either way, and the operating point it was decided at.
/// </summary>
/// <param name="Similarity">The best candidate's similarity (0 with an empty gallery).</param>
/// <param name="Person">The person named; null for every Unknown.</param>
/// <param name="Best">The closest person, named or not.</param>
/// <param name="RunnerUp">The second-closest person.</param>
/// <param name="Reason">One sentence for people: why this answer.</param>
public sealed record Verdict(
    VerdictKind Kind,
    float Similarity,
    GalleryMatch? Person,
    GalleryMatch? Best,
    GalleryMatch? RunnerUp,
    string Reason,
    OperatingPoint OperatingPoint)
{
    public bool IsNamed => Kind == VerdictKind.Named;

    /// <summary>"Named", "Unknown (nobody close)", "Unknown (could be A or B)", "Unknown (face too poor)".</summary>
    public string Label => Kind switch
    {
        VerdictKind.Named => Person!.Name,
        VerdictKind.Ambiguous => $"Unknown (could be {Best!.Name} or {RunnerUp!.Name})",
        VerdictKind.TooPoor => "Unknown (face too poor)",
        VerdictKind.MarkedNotThisPerson => "Unknown (marked not this person)",
        _ => "Unknown (nobody close)",
    };

    /// <summary>The API's stable name of <see cref="Kind"/>: named, nobody-close, ambiguous, too-poor, marked-not-this-person.</summary>
    public string Code => CodeOf(Kind);

    public static string CodeOf(VerdictKind kind) => kind switch
    {
        VerdictKind.Named => "named",
        VerdictKind.Ambiguous => "ambiguous",
        VerdictKind.TooPoor => "too-poor",
        VerdictKind.MarkedNotThisPerson => "marked-not-this-person",
        _ => "nobody-close",
    };
}
