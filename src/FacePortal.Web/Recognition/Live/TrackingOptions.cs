using System.ComponentModel.DataAnnotations;

namespace FacePortal.Web.Recognition.Live;

/// <summary>
/// How live faces are followed across frames and when a track is named (<c>FacePortal:Live:Tracks</c>).
/// See <see cref="LiveTracker"/> for the rules these settings feed.
/// </summary>
public sealed class TrackingOptions : IValidatableObject
{
    /// <summary>Off: every frame decides its own name, as before tracks (kept for the before/after benchmark).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>K: a track is named once K of its last <see cref="WindowFrames"/> frame verdicts name the same person.</summary>
    [Range(1, 30)]
    public int ConfirmFrames { get; set; } = 3;

    /// <summary>N: how many of a track's latest frame verdicts are counted.</summary>
    [Range(1, 30)]
    public int WindowFrames { get; set; } = 5;

    /// <summary>A track not seen in this many analysed frames in a row ends; a face seen afterwards starts a new one.</summary>
    [Range(1, 300)]
    public int ExpireFrames { get; set; } = 5;

    /// <summary>Box overlap (IoU) at which a face counts as being in about the same place as the track was.</summary>
    [Range(0.01, 1.0)]
    public double MinOverlap { get; set; } = 0.2;

    /// <summary>
    /// Embedding similarity a face in about the same place needs to continue the track. Well above what
    /// strangers reach, so a different person stepping into the same spot starts a new track (and never
    /// inherits the previous person's confirmed name).
    /// </summary>
    [Range(0.0, 1.0)]
    public double SameFaceSimilarity { get; set; } = 0.45;

    /// <summary>Embedding similarity a face elsewhere in the frame (a fast move between frames) needs to continue a track.</summary>
    [Range(0.0, 1.0)]
    public double ReacquireSimilarity { get; set; } = 0.6;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ConfirmFrames > WindowFrames)
        {
            yield return new ValidationResult(
                $"must be at most WindowFrames ({WindowFrames}): K of the last N frames cannot need more than N (was {ConfirmFrames}).", [nameof(ConfirmFrames)]);
        }

        if (ReacquireSimilarity < SameFaceSimilarity)
        {
            yield return new ValidationResult(
                $"must be at least SameFaceSimilarity ({SameFaceSimilarity}): a face away from the track needs more likeness, not less (was {ReacquireSimilarity}).",
                [nameof(ReacquireSimilarity)]);
        }
    }
}
