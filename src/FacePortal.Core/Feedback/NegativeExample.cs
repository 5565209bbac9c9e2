namespace FacePortal.Core.Feedback;

/// <summary>
/// A face an admin marked "not this person" for <see cref="PersonId"/>: its embedding (the recognizer refuses a
/// match closer to these than to the person's own faces) and its aligned 112x112 crop (a PNG in the blob store
/// under <see cref="CropHash"/>, shown on the person page). Stored only on that explicit action; erased with the person.
/// </summary>
public sealed class NegativeExample
{
    public const int MaxActorLength = 256;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>L2-normalised embedding as little-endian floats (see <see cref="FloatBlob"/>).</summary>
    public required byte[] Embedding { get; set; }

    public required string CropHash { get; set; }

    public float BoxLeft { get; set; }

    public float BoxTop { get; set; }

    public float BoxRight { get; set; }

    public float BoxBottom { get; set; }

    public NegativeSource Source { get; set; }

    /// <summary>The admin or application key that marked it (the audit trail's actor).</summary>
    public required string MarkedBy { get; set; }

    public DateTime MarkedAt { get; set; }

    public FaceBox Box => new(BoxLeft, BoxTop, BoxRight, BoxBottom);
}
