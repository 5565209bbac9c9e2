namespace FacePortal.Core.People;

/// <summary>
/// Enrolled faces listed one by one with their person, for callers that think in face examples rather
/// than people (the CompreFace-compatible API pages through "examples" and finds them by id).
/// Read only: changes go through <see cref="PeopleService"/>.
/// </summary>
public sealed class FaceCatalog(IDbContextFactory<FacePortalDbContext> databases)
{
    /// <summary>A page of faces, oldest first (a stable order while faces are added), and how many match in all.</summary>
    public async Task<FaceCatalogPage> ListAsync(FaceCatalogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var faces = db.Faces.AsNoTracking();
        if (query.GalleryId is { } galleryId)
        {
            faces = faces.Where(f => f.Person!.GalleryId == galleryId);
        }

        if (query.PersonId is { } personId)
        {
            faces = faces.Where(f => f.PersonId == personId);
        }

        if (query.FaceIds is not null)
        {
            var ids = query.FaceIds.ToList();
            faces = faces.Where(f => ids.Contains(f.Id));
        }

        var total = await faces.CountAsync(cancellationToken).ConfigureAwait(false);
        var size = Math.Clamp(query.PageSize, 1, 1000);
        var rows = await faces.OrderBy(f => f.AddedAt).ThenBy(f => f.Id)
            .Skip(Math.Max(0, query.Page) * size).Take(size)
            .Select(f => new { f.Id, f.PhotoId, f.PersonId, f.Person!.Name, f.Embedding })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new FaceCatalogPage([.. rows.Select(r => new CatalogFace(r.Id, r.PhotoId, r.PersonId, r.Name, FloatBlob.ToFloats(r.Embedding)))], total);
    }
}

/// <param name="PersonId">Only this person's faces; everyone's when null.</param>
/// <param name="FaceIds">Only these faces; any when null.</param>
/// <param name="GalleryId">Only the faces of this gallery's people; every gallery's when null.</param>
public sealed record FaceCatalogQuery(Guid? PersonId = null, IReadOnlyCollection<Guid>? FaceIds = null, int Page = 0, int PageSize = 20, Guid? GalleryId = null);

/// <summary>One enrolled face, its photo, its person, and its embedding as stored (unit length, the recognizer's raw space).</summary>
public sealed record CatalogFace(Guid FaceId, Guid PhotoId, Guid PersonId, string PersonName, float[] Embedding);

public sealed record FaceCatalogPage(IReadOnlyList<CatalogFace> Items, int TotalCount);
