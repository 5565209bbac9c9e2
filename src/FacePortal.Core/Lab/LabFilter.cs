namespace FacePortal.Core.Lab;

/// <summary>Which enrolled faces the lab looks at.</summary>
/// <param name="People">Only these people; null or empty for everyone.</param>
/// <param name="Quality">All faces, only good ones, or only those a quality rule flags.</param>
/// <param name="From">Added on or after this time (UTC).</param>
/// <param name="To">Added before this time (UTC).</param>
/// <param name="GalleryId">Only the people of this gallery; null for every gallery.</param>
public sealed record LabFilter(IReadOnlyCollection<Guid>? People = null, LabQuality Quality = LabQuality.All, DateTime? From = null, DateTime? To = null, Guid? GalleryId = null)
{
    public static LabFilter Everyone { get; } = new();
}

public enum LabQuality
{
    All,
    Good,
    Low,
}
