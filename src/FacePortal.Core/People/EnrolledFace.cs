namespace FacePortal.Core.People;

/// <summary>
/// One face of a person: where it was in its photo, how good it is, its embedding and its
/// aligned 112x112 crop (a PNG in the blob store under <see cref="CropHash"/>).
/// </summary>
public sealed class EnrolledFace
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PhotoId { get; set; }

    public Photo? Photo { get; set; }

    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    public float BoxLeft { get; set; }

    public float BoxTop { get; set; }

    public float BoxRight { get; set; }

    public float BoxBottom { get; set; }

    public float DetectionScore { get; set; }

    /// <summary>68 landmarks in photo coordinates, as little-endian float pairs (see <see cref="FloatBlob"/>).</summary>
    public required byte[] Landmarks { get; set; }

    public float SizePixels { get; set; }

    public float Sharpness { get; set; }

    public float Brightness { get; set; }

    public float Frontalness { get; set; }

    public float RollDegrees { get; set; }

    /// <summary>L2-normalised embedding as little-endian floats (see <see cref="FloatBlob"/>).</summary>
    public required byte[] Embedding { get; set; }

    public required string CropHash { get; set; }

    public DateTime AddedAt { get; set; }

    public FaceBox Box => new(BoxLeft, BoxTop, BoxRight, BoxBottom);

    public FaceQuality Quality => new(SizePixels, Sharpness, Brightness, Frontalness, RollDegrees);
}
