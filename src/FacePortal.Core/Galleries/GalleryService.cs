using FacePortal.Core.Text;

namespace FacePortal.Core.Galleries;

/// <summary>
/// Creates, lists, renames and deletes galleries, and moves people between them. Deleting a gallery
/// erases each of its people exactly as deleting that person does (<see cref="PeopleService.DeleteAsync"/>:
/// photos, faces, files, negatives, models that knew them, one audit entry each), then the gallery.
/// </summary>
public sealed class GalleryService(
    IDbContextFactory<FacePortalDbContext> databases,
    PeopleService people,
    RecognitionGallery recognition,
    TimeProvider time,
    IEnumerable<IGalleryListener> listeners)
{
    /// <summary>Why a gallery name cannot be used, or null when it can.</summary>
    public static string? ValidateName(string? name)
    {
        var trimmed = VisibleName.Normalize(name ?? string.Empty);
        if (trimmed.Length == 0)
        {
            return "Enter a gallery name.";
        }

        if (trimmed.Length > Gallery.MaxNameLength)
        {
            return $"A gallery name can have at most {Gallery.MaxNameLength} characters.";
        }

        return VisibleName.Problem(trimmed);
    }

    /// <summary>Every gallery with what it holds, Main first, then by name.</summary>
    public async Task<IReadOnlyList<GallerySummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Galleries.AsNoTracking()
            .Select(g => new
            {
                g.Id,
                g.Name,
                g.CreatedAt,
                People = g.People.Count,
                Photos = g.People.SelectMany(p => p.Photos).Count(),
                Faces = g.People.SelectMany(p => p.Faces).Count(),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows
            .Select(r => new GallerySummary(r.Id, r.Name, r.People, r.Photos, r.Faces, r.CreatedAt))
            .OrderByDescending(g => g.IsDefault).ThenBy(g => g.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>One gallery with what it holds, or null.</summary>
    public async Task<GallerySummary?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(g => g.Id == id);

    /// <summary>The gallery named by <paramref name="idOrName"/>: its id, or its name ignoring case. Null when there is none.</summary>
    public async Task<Guid?> FindAsync(string idOrName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (Guid.TryParse(idOrName, out var id))
        {
            return await db.Galleries.AnyAsync(g => g.Id == id, cancellationToken).ConfigureAwait(false) ? id : null;
        }

        return await IdByNameAsync(db, VisibleName.Normalize(idOrName), null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The galleries' names by id (pages show names, keys and people store ids).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Galleries.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Outcome<Guid>> CreateAsync(string name, string actor, CancellationToken cancellationToken = default)
    {
        if (ValidateName(name) is { } error)
        {
            return Outcome.Failed<Guid>(error);
        }

        name = VisibleName.Normalize(name);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await IdByNameAsync(db, name, null, cancellationToken).ConfigureAwait(false) is not null)
        {
            return Outcome.Failed<Guid>($"There is already a gallery called {name}.");
        }

        var gallery = new Gallery { Name = name, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Galleries.Add(gallery);
        Audit(db, actor, AuditActions.GalleryCreated, gallery.Id, $"Created the gallery {name}.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Outcome.Ok(gallery.Id);
    }

    public async Task<Outcome> RenameAsync(Guid id, string name, string actor, CancellationToken cancellationToken = default)
    {
        if (ValidateName(name) is { } error)
        {
            return Outcome.Failed(error);
        }

        name = VisibleName.Normalize(name);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var gallery = await db.Galleries.SingleOrDefaultAsync(g => g.Id == id, cancellationToken).ConfigureAwait(false);
        if (gallery is null)
        {
            return Outcome.Failed("This gallery no longer exists.");
        }

        if (await IdByNameAsync(db, name, id, cancellationToken).ConfigureAwait(false) is not null)
        {
            return Outcome.Failed($"There is already a gallery called {name}.");
        }

        var old = gallery.Name;
        gallery.Name = name;
        Audit(db, actor, AuditActions.GalleryRenamed, id, $"Renamed the gallery {old} to {name}.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Outcome.Ok();
    }

    /// <summary>
    /// Erases the gallery and everything in it: each person as <see cref="PeopleService.DeleteAsync"/> deletes one
    /// (so the same rows, files, models and audit entries go), then the gallery and the keys' bindings to it.
    /// Main cannot be deleted. Null when there is no such gallery.
    /// </summary>
    public async Task<Outcome<GalleryDeletionReport>?> DeleteAsync(Guid id, string actor, CancellationToken cancellationToken = default)
    {
        if (id == Gallery.DefaultId)
        {
            return Outcome.Failed<GalleryDeletionReport>($"{Gallery.DefaultName} is the default gallery and cannot be deleted.");
        }

        List<Guid> members;
        string name;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var gallery = await db.Galleries.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken).ConfigureAwait(false);
            if (gallery is null)
            {
                return null;
            }

            name = gallery.Name;
            members = await db.People.Where(p => p.GalleryId == id).Select(p => p.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        int photos = 0, faces = 0, files = 0, erased = 0;
        foreach (var personId in members)
        {
            var report = await people.DeleteAsync(personId, actor, cancellationToken).ConfigureAwait(false);
            if (report.Found)
            {
                erased++;
                photos += report.Photos;
                faces += report.Faces;
                files += report.FilesDeleted;
            }
        }

        await using (var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            // A key bound to this gallery alone is left with none: it is refused everywhere until an admin rebinds or revokes it.
            var bound = await db.ApplicationKeyGalleries.Where(b => b.GalleryId == id).Select(b => b.ApplicationKeyId).ToListAsync(cancellationToken).ConfigureAwait(false);
            var orphaned = await db.ApplicationKeyGalleries.Where(b => bound.Contains(b.ApplicationKeyId))
                .GroupBy(b => b.ApplicationKeyId).CountAsync(g => g.Count() == 1, cancellationToken).ConfigureAwait(false);

            // People enrolled while the deletion ran go with the gallery (the database cascades); none is expected.
            var late = await db.People.CountAsync(p => p.GalleryId == id, cancellationToken).ConfigureAwait(false);
            await db.Galleries.Where(g => g.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            recognition.Forget(id);
            Audit(db, actor, AuditActions.GalleryDeleted, id,
                $"Deleted the gallery {name} with {erased + late} person(s), {photos} photo(s) and {faces} face(s); {files} file(s) removed from disk; {orphaned} application key(s) left with no gallery.");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return Outcome.Ok(new GalleryDeletionReport(name, erased + late, photos, faces, files, orphaned));
        }
    }

    /// <summary>Moves a person, with their photos, faces and negatives, to another gallery; refused when the name is taken there.</summary>
    public async Task<Outcome> MovePersonAsync(Guid personId, Guid toGalleryId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            return Outcome.Failed("This person no longer exists.");
        }

        var target = await db.Galleries.AsNoTracking().SingleOrDefaultAsync(g => g.Id == toGalleryId, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return Outcome.Failed("That gallery no longer exists.");
        }

        if (person.GalleryId == toGalleryId)
        {
            return Outcome.Failed($"{person.Name} is already in {target.Name}.");
        }

        if (await PeopleService.NameTakenAsync(db, toGalleryId, person.Name, personId, cancellationToken).ConfigureAwait(false))
        {
            return Outcome.Failed($"There is already a person called {person.Name} in {target.Name}; rename one of them first.");
        }

        var from = person.GalleryId;
        var source = await db.Galleries.Where(g => g.Id == from).Select(g => g.Name).SingleAsync(cancellationToken).ConfigureAwait(false);
        person.GalleryId = toGalleryId;
        person.UpdatedAt = time.GetUtcNow().UtcDateTime;
        Audit(db, actor, AuditActions.PersonMovedGallery, personId, $"Moved {person.Name} from the gallery {source} to {target.Name}.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var faces = await db.Faces.AsNoTracking().Where(f => f.PersonId == personId)
            .Select(f => new { f.Id, f.Embedding }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var negatives = await db.NegativeExamples.AsNoTracking().Where(n => n.PersonId == personId)
            .Select(n => new { n.Id, n.Embedding }).ToListAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyCollection<GalleryFace> moved = [.. faces.Select(f => new GalleryFace(f.Id, personId, person.Name, FloatBlob.ToFloats(f.Embedding)))];
        IReadOnlyCollection<NegativeFace> refused = [.. negatives.Select(n => new NegativeFace(n.Id, personId, FloatBlob.ToFloats(n.Embedding)))];
        foreach (var listener in listeners)
        {
            listener.PersonMoved(from, toGalleryId, personId, moved, refused);
        }

        return Outcome.Ok();
    }

    /// <summary>The gallery called <paramref name="name"/>, ignoring case in every script (the database narrows by length).</summary>
    private static async Task<Guid?> IdByNameAsync(FacePortalDbContext db, string name, Guid? except, CancellationToken cancellationToken)
    {
        var sameLength = await db.Galleries.Where(g => g.Name.Length == name.Length && g.Id != except)
            .Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return sameLength.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))?.Id;
    }

    private void Audit(FacePortalDbContext db, string actor, string action, Guid subject, string details) =>
        AuditTrail.Add(db, time.GetUtcNow().UtcDateTime, actor, action, subject.ToString(), details);
}
