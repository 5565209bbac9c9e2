namespace FacePortal.Core.People;

/// <summary>A row of the people list.</summary>
/// <param name="ThumbnailFaceId">The person's picture: the sharpest enrolled face not from a group photo (<see cref="PersonDetails.AvatarOf"/>).</param>
public sealed record PersonSummary(Guid Id, string Name, int FaceCount, int PhotoCount, Guid? ThumbnailFaceId, DateTime CreatedAt, DateTime UpdatedAt);

public enum PeopleSort
{
    Name,
    Faces,
    Photos,
    Created,
    Updated,
}

/// <summary>Search, sort and one page of the people list.</summary>
public sealed record PeopleQuery(string? Search = null, PeopleSort Sort = PeopleSort.Name, bool Descending = false, int Page = 0, int PageSize = 25);

public sealed record PeoplePage(IReadOnlyList<PersonSummary> Items, int TotalCount);
