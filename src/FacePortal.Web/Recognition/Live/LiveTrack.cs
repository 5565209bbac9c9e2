using FacePortal.Shared.Faces.Geometry;
using FacePortal.Shared.Search;

namespace FacePortal.Web.Recognition.Live;

/// <summary>
/// One face followed across frames: where it was, what it looked like, the last N frame verdicts, and
/// the person confirmed for it. The naming rule is <see cref="LiveTracker"/>'s.
/// </summary>
internal sealed class LiveTrack(int id, TrackingOptions options)
{
    private readonly Queue<Verdict> _window = new(options.WindowFrames);

    public int Id { get; } = id;

    public FaceBox Box { get; private set; }

    public float[] Embedding { get; private set; } = [];

    /// <summary>Analysed frames in a row without this face.</summary>
    public int Missed { get; set; }

    /// <summary>The person this track is named as; null until K of the last N agree.</summary>
    public GalleryMatch? Confirmed { get; private set; }

    public TrackVerdict Observe(FaceBox box, ReadOnlySpan<float> embedding, Verdict frame)
    {
        Box = box;
        Embedding = embedding.ToArray();
        Missed = 0;
        if (_window.Count == options.WindowFrames)
        {
            _window.Dequeue();
        }

        _window.Enqueue(frame);
        Confirmed = Decide();
        return Describe(frame);
    }

    /// <summary>
    /// A confirmed person stays while at least K of the last N frames still name them (so N-K Unknown or
    /// disagreeing frames after a steady run change nothing) and the latest frame still has them among its
    /// two closest people (a condition for being named at all); only then may another person who reached K take over, and with nobody at K the
    /// track is Unknown again. The name never goes from one person to another without the other reaching K of N.
    /// </summary>
    private GalleryMatch? Decide()
    {
        var counts = _window.Where(v => v.IsNamed).GroupBy(v => v.Person!.PersonId).ToDictionary(g => g.Key, g => g.Count());
        if (Confirmed is { } current && counts.GetValueOrDefault(current.PersonId) >= options.ConfirmFrames && StillPlausible(current, _window.Last()))
        {
            return LatestMatchOf(current.PersonId) ?? current;
        }

        var latest = _window.Last();
        var leader = counts.Where(c => c.Value >= options.ConfirmFrames && StillPlausible(LatestMatchOf(c.Key)!, latest))
            .OrderByDescending(c => c.Value)
            .ThenByDescending(c => LastIndexOf(c.Key))
            .Select(c => (Guid?)c.Key)
            .FirstOrDefault();
        return leader is { } id ? LatestMatchOf(id) : null;
    }

    /// <summary>
    /// A frame that no longer has the person among its two closest (they were deleted, or the face is not
    /// theirs), or that an admin's "not this person" mark refused, ends a confirmed name at once.
    /// </summary>
    private static bool StillPlausible(GalleryMatch person, Verdict frame) => frame.Kind == VerdictKind.MarkedNotThisPerson
        ? frame.Best?.PersonId != person.PersonId && frame.RunnerUp?.PersonId == person.PersonId
        : frame.Best?.PersonId == person.PersonId || frame.RunnerUp?.PersonId == person.PersonId;

    private GalleryMatch? LatestMatchOf(Guid personId) => _window.LastOrDefault(v => v.Person?.PersonId == personId)?.Person;

    private int LastIndexOf(Guid personId) => _window.Select((v, i) => (v, i)).Where(x => x.v.Person?.PersonId == personId).Max(x => x.i);

    private int CountOf(Guid personId) => _window.Count(v => v.Person?.PersonId == personId);

    private TrackVerdict Describe(Verdict frame)
    {
        var k = options.ConfirmFrames;
        var n = _window.Count;
        if (Confirmed is { } person)
        {
            var agreed = Invariant($"Named in {CountOf(person.PersonId)} of the last {n} frames ({k} needed).");
            var reason = frame.Person?.PersonId == person.PersonId
                ? $"{frame.Reason} {agreed}"
                : $"{agreed} This frame alone: {frame.Label}.";
            return new TrackVerdict(Id, Verdict.CodeOf(VerdictKind.Named), person.Name, reason, frame.Similarity, frame.OperatingPoint, person, frame);
        }

        if (frame.IsNamed)
        {
            // The name is withheld until confirmed: a stranger named by one frame must not show as anybody.
            var best = _window.Where(v => v.IsNamed).GroupBy(v => v.Person!.PersonId).Max(g => g.Count());
            return new TrackVerdict(
                Id,
                TrackVerdict.Confirming,
                "Unknown (confirming)",
                Invariant($"Not named yet: a name needs {k} of the last {options.WindowFrames} frames to agree; {best} so far."),
                frame.Similarity,
                frame.OperatingPoint,
                null,
                frame);
        }

        return new TrackVerdict(Id, frame.Code, frame.Label, frame.Reason, frame.Similarity, frame.OperatingPoint, null, frame);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
