namespace FacePortal.Core.People;

/// <summary>A source image kept in the blob store under <see cref="ContentHash"/>; one face was enrolled from it.</summary>
public sealed class Photo
{
    public const int MaxFileNameLength = 255;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>Lower-case hex SHA-256 of the file: its name in the blob store.</summary>
    public required string ContentHash { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long ByteLength { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public PhotoSource Source { get; set; }

    public DateTime AddedAt { get; set; }

    /// <summary>How many faces the detector found; more than one means the largest was enrolled.</summary>
    public int FacesFound { get; set; }

    public string? Warning { get; set; }

    public List<EnrolledFace> Faces { get; } = [];
}
