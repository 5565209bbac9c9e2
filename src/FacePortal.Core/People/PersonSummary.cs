namespace FacePortal.Core.People;

/// <summary>A row of the people list.</summary>
/// <param name="ThumbnailFaceId">The person's picture: the sharpest enrolled face not from a group photo (<see cref="PersonDetails.AvatarOf"/>).</param>
public sealed record PersonSummary(Guid Id, string Name, int FaceCount, int PhotoCount, Guid? ThumbnailFaceId, DateTime CreatedAt, DateTime UpdatedAt)
{
    public Guid GalleryId { get; init; } = Gallery.DefaultId;
}

public enum PeopleSort
{
    Name,
    Faces,
    Photos,
    Created,
    Updated,
}

/// <summary>Search, sort and one page of the people list; <paramref name="GalleryId"/> limits it to one gallery (null: every gallery, for admins).</summary>
public sealed record PeopleQuery(string? Search = null, PeopleSort Sort = PeopleSort.Name, bool Descending = false, int Page = 0, int PageSize = 25, Guid? GalleryId = null);

public sealed record PeoplePage(IReadOnlyList<PersonSummary> Items, int TotalCount);
