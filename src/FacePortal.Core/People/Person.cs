namespace FacePortal.Core.People;

/// <summary>Someone the system can recognise: a name, the photos they were enrolled from and the faces taken from them.</summary>
public sealed class Person
{
    public const int MaxNameLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>The one gallery the person belongs to; names are unique within it.</summary>
    public Guid GalleryId { get; set; } = Gallery.DefaultId;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<Photo> Photos { get; } = [];

    public List<EnrolledFace> Faces { get; } = [];
}
