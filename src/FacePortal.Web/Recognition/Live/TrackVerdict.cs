using FacePortal.Shared.Search;

namespace FacePortal.Web.Recognition.Live;

/// <summary>
/// What the live page shows for a face: its track's verdict, not the frame's. <see cref="Code"/> is a
/// <see cref="Verdict.Code"/> (named, nobody-close, ambiguous, too-poor, marked-not-this-person) or
/// <see cref="Confirming"/> while frames name somebody but not yet K of the last N agree.
/// </summary>
/// <param name="TrackId">Stable while the face stays in view (per connection, from 1).</param>
/// <param name="Person">The confirmed person; null for every Unknown.</param>
/// <param name="Similarity">The latest frame's best similarity.</param>
/// <param name="OperatingPoint">The operating point of the latest frame's decision.</param>
/// <param name="Frame">The latest frame's own verdict.</param>
public sealed record TrackVerdict(
    int TrackId,
    string Code,
    string Label,
    string Reason,
    float Similarity,
    OperatingPoint OperatingPoint,
    GalleryMatch? Person,
    Verdict Frame)
{
    /// <summary>Frames name somebody, but not yet enough of them agree: shown as Unknown.</summary>
    public const string Confirming = "confirming";

    public bool IsNamed => Person is not null;

    /// <summary>No tracking: the frame's verdict as it is (track id 0).</summary>
    public static TrackVerdict Untracked(Verdict frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return new TrackVerdict(0, frame.Code, frame.Label, frame.Reason, frame.Similarity, frame.OperatingPoint, frame.Person, frame);
    }
}
