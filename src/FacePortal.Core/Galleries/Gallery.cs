namespace FacePortal.Core.Galleries;

/// <summary>
/// A named set of people that recognition searches as one: each person belongs to exactly one,
/// names are unique within it, and application keys are bound to galleries.
/// </summary>
public sealed class Gallery
{
    public const int MaxNameLength = 100;

    public const string DefaultName = "Main";

    /// <summary>The gallery every person was in before galleries existed; the migration creates it, and it cannot be deleted.</summary>
    public static readonly Guid DefaultId = new("00000000-0000-0000-0000-000000000001");

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<Person> People { get; } = [];
}
