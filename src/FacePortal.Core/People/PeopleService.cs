using FacePortal.Core.Text;

namespace FacePortal.Core.People;

/// <summary>
/// Creates, lists, renames and deletes people, photos and faces. Deletion removes the rows and
/// then every file no other row still uses, and records what went in the audit trail.
/// </summary>
public sealed class PeopleService(
    IDbContextFactory<FacePortalDbContext> databases,
    BlobStore blobs,
    TimeProvider time,
    IEnumerable<IGalleryListener> listeners)
{
    /// <summary>Why a name cannot be used, or null when it can.</summary>
    public static string? ValidateName(string? name)
    {
        var trimmed = VisibleName.Normalize(name ?? string.Empty);
        if (trimmed.Length == 0)
        {
            return "Enter a name.";
        }

        if (trimmed.Length > Person.MaxNameLength)
        {
            return $"A name can have at most {Person.MaxNameLength} characters.";
        }

        return VisibleName.Problem(trimmed);
    }

    public async Task<PeoplePage> ListAsync(PeopleQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var people = db.People.AsNoTracking();
        if (query.GalleryId is { } galleryId)
        {
            people = people.Where(p => p.GalleryId == galleryId);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = $"%{EscapeLike(query.Search.Trim().ToLowerInvariant())}%";
            people = people.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern, "\\"));
        }

        var total = await people.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = people.Select(p => new
        {
            p.Id,
            p.Name,
            p.GalleryId,
            Faces = p.Faces.Count,
            Photos = p.Photos.Count,
            // The avatar rule of PersonDetails.AvatarFaceId, in SQL: never a face from a group photo.
            Thumbnail = p.Faces.Where(f => f.Photo!.FacesFound <= 1).OrderByDescending(f => f.Sharpness).Select(f => (Guid?)f.Id).FirstOrDefault(),
            p.CreatedAt,
            p.UpdatedAt,
        });
        rows = (query.Sort, query.Descending) switch
        {
            (PeopleSort.Faces, false) => rows.OrderBy(r => r.Faces).ThenBy(r => r.Name),
            (PeopleSort.Faces, true) => rows.OrderByDescending(r => r.Faces).ThenBy(r => r.Name),
            (PeopleSort.Photos, false) => rows.OrderBy(r => r.Photos).ThenBy(r => r.Name),
            (PeopleSort.Photos, true) => rows.OrderByDescending(r => r.Photos).ThenBy(r => r.Name),
            (PeopleSort.Created, false) => rows.OrderBy(r => r.CreatedAt),
            (PeopleSort.Created, true) => rows.OrderByDescending(r => r.CreatedAt),
            (PeopleSort.Updated, false) => rows.OrderBy(r => r.UpdatedAt),
            (PeopleSort.Updated, true) => rows.OrderByDescending(r => r.UpdatedAt),
            (_, true) => rows.OrderByDescending(r => r.Name),
            _ => rows.OrderBy(r => r.Name),
        };
        var pageSize = Math.Clamp(query.PageSize, 1, 500);
        var page = await rows.Skip(Math.Max(0, query.Page) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PeoplePage(
            page.Select(r => new PersonSummary(r.Id, r.Name, r.Faces, r.Photos, r.Thumbnail, r.CreatedAt, r.UpdatedAt) { GalleryId = r.GalleryId }).ToList(),
            total);
    }

    public async Task<PersonDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            return null;
        }

        var faces = await db.Faces.AsNoTracking().Where(f => f.PersonId == id).OrderByDescending(f => f.AddedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var photos = await db.Photos.AsNoTracking().Where(p => p.PersonId == id).OrderByDescending(p => p.AddedAt)
            .Select(p => new PhotoSummary(p.Id, p.FileName, p.ContentType, p.ByteLength, p.Width, p.Height, p.Source, p.FacesFound, p.Warning, p.AddedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var groupPhotos = photos.Where(p => p.FacesFound > 1).Select(p => p.Id).ToHashSet();
        var summaries = faces.Select(f => new FaceSummary(f.Id, f.PhotoId, f.Box, f.DetectionScore, f.Quality, f.AddedAt, groupPhotos.Contains(f.PhotoId))).ToList();
        return new PersonDetails(
            person.Id,
            person.Name,
            person.CreatedAt,
            person.UpdatedAt,
            summaries,
            photos,
            PersonDetails.AvatarOf(summaries))
        {
            GalleryId = person.GalleryId,
        };
    }

    /// <summary>The person's name, or null when there is no such person: a cheap existence check.</summary>
    public async Task<string?> FindNameAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.People.Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The gallery <paramref name="id"/> belongs to, or null when there is no such person: what access checks by person id read.</summary>
    public async Task<Guid?> FindGalleryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.People.Where(p => p.Id == id).Select(p => (Guid?)p.GalleryId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The gallery of the person a photo was enrolled for, or null when there is no such photo.</summary>
    public async Task<Guid?> FindGalleryOfPhotoAsync(Guid photoId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Photos.Where(p => p.Id == photoId).Select(p => (Guid?)p.Person!.GalleryId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The gallery of the person a face is enrolled for, or null when there is no such face.</summary>
    public async Task<Guid?> FindGalleryOfFaceAsync(Guid faceId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Faces.Where(f => f.Id == faceId).Select(f => (Guid?)f.Person!.GalleryId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The person called <paramref name="name"/> (ignoring case) in Main.</summary>
    public Task<Guid?> FindByNameAsync(string name, CancellationToken cancellationToken = default) =>
        FindByNameAsync(Gallery.DefaultId, name, cancellationToken);

    /// <summary>The person called <paramref name="name"/> (ignoring case) in <paramref name="galleryId"/>.</summary>
    public async Task<Guid?> FindByNameAsync(Guid galleryId, string name, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await IdByNameAsync(db, galleryId, VisibleName.Normalize(name), null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a person in Main and returns their id, or fails when the name cannot be used.</summary>
    public Task<Outcome<Guid>> CreateAsync(string name, string actor, CancellationToken cancellationToken = default) =>
        CreateAsync(Gallery.DefaultId, name, actor, cancellationToken);

    /// <summary>Creates a person in <paramref name="galleryId"/> and returns their id, or fails when the name cannot be used there.</summary>
    public async Task<Outcome<Guid>> CreateAsync(Guid galleryId, string name, string actor, CancellationToken cancellationToken = default)
    {
        var error = ValidateName(name);
        if (error is not null)
        {
            return Outcome.Failed<Guid>(error);
        }

        name = VisibleName.Normalize(name);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Galleries.AnyAsync(g => g.Id == galleryId, cancellationToken).ConfigureAwait(false))
        {
            return Outcome.Failed<Guid>("This gallery no longer exists.");
        }

        if (await NameTakenAsync(db, galleryId, name, null, cancellationToken).ConfigureAwait(false))
        {
            return Outcome.Failed<Guid>($"There is already a person called {name}.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var person = new Person { Name = name, GalleryId = galleryId, CreatedAt = now, UpdatedAt = now };
        db.People.Add(person);
        Audit(db, actor, AuditActions.PersonCreated, person.Id, $"Created {name}.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Outcome.Ok(person.Id);
    }

    public async Task<Outcome> RenameAsync(Guid id, string name, string actor, CancellationToken cancellationToken = default)
    {
        var error = ValidateName(name);
        if (error is not null)
        {
            return Outcome.Failed(error);
        }

        name = VisibleName.Normalize(name);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            return Outcome.Failed("This person no longer exists.");
        }

        if (await NameTakenAsync(db, person.GalleryId, name, id, cancellationToken).ConfigureAwait(false))
        {
            return Outcome.Failed($"There is already a person called {name}.");
        }

        var old = person.Name;
        person.Name = name;
        person.UpdatedAt = time.GetUtcNow().UtcDateTime;
        Audit(db, actor, AuditActions.PersonRenamed, id, $"Renamed {old} to {name}.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var listener in listeners)
        {
            listener.PersonRenamed(person.GalleryId, id, name);
        }

        return Outcome.Ok();
    }

    /// <summary>Deletes the person, their photos, faces, crops and embeddings, rows and files.</summary>
    public async Task<DeletionReport> DeleteAsync(Guid id, string actor, CancellationToken cancellationToken = default)
    {
        using var referenceLock = await blobs.LockReferencesAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            return DeletionReport.NotFound;
        }

        var photos = await db.Photos.Where(p => p.PersonId == id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var faces = await db.Faces.Where(f => f.PersonId == id).ToListAsync(cancellationToken).ConfigureAwait(false);

        // Faces an admin marked "not this person" for them: rows, crops and (with PersonRemoved) the index's copies go too.
        var negatives = await db.NegativeExamples.Where(n => n.PersonId == id).ToListAsync(cancellationToken).ConfigureAwait(false);

        // Trained models learnt from this person's faces; they go with the person.
        var personKey = id.ToString();
        var models = await db.TrainedModels.Where(m => m.ClassesJson.Contains(personKey)).ToListAsync(cancellationToken).ConfigureAwait(false);
        db.TrainedModels.RemoveRange(models);
        db.Faces.RemoveRange(faces);
        db.Photos.RemoveRange(photos);
        db.NegativeExamples.RemoveRange(negatives);
        db.People.Remove(person);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var listener in listeners)
        {
            listener.PersonRemoved(person.GalleryId, id);
        }

        var files = await BlobReferences.DeleteUnreferencedAsync(
            db, blobs, photos.Select(p => p.ContentHash).Concat(faces.Select(f => f.CropHash)).Concat(negatives.Select(n => n.CropHash)), cancellationToken).ConfigureAwait(false);
        Audit(db, actor, AuditActions.PersonDeleted, id,
            $"Deleted {person.Name} with {photos.Count} photo(s), {faces.Count} face(s) and their embeddings, {negatives.Count} face(s) marked not them, and {models.Count} trained model(s) that knew them; {files} file(s) removed from disk.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new DeletionReport(true, photos.Count, faces.Count, files);
    }

    /// <summary>Deletes a photo and the faces taken from it.</summary>
    public async Task<DeletionReport> DeletePhotoAsync(Guid photoId, string actor, CancellationToken cancellationToken = default)
    {
        using var referenceLock = await blobs.LockReferencesAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var photo = await db.Photos.Include(p => p.Person).SingleOrDefaultAsync(p => p.Id == photoId, cancellationToken).ConfigureAwait(false);
        if (photo is null)
        {
            return DeletionReport.NotFound;
        }

        var faces = await db.Faces.Where(f => f.PhotoId == photoId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return await RemovePhotoAsync(db, photo, faces, actor, AuditActions.PhotoDeleted, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes one face; its photo goes too, since a photo is kept only for the face enrolled from it.</summary>
    public async Task<DeletionReport> DeleteFaceAsync(Guid faceId, string actor, CancellationToken cancellationToken = default)
    {
        using var referenceLock = await blobs.LockReferencesAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var face = await db.Faces.SingleOrDefaultAsync(f => f.Id == faceId, cancellationToken).ConfigureAwait(false);
        if (face is null)
        {
            return DeletionReport.NotFound;
        }

        var photo = await db.Photos.Include(p => p.Person).SingleAsync(p => p.Id == face.PhotoId, cancellationToken).ConfigureAwait(false);
        var faces = await db.Faces.Where(f => f.PhotoId == photo.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return await RemovePhotoAsync(db, photo, faces, actor, AuditActions.FaceDeleted, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves a face, with the photo it came from, to another person (a mislabel put right). The recognition
    /// gallery hears it as the face leaving one person and joining the other.
    /// </summary>
    public async Task<Outcome> MoveFaceAsync(Guid faceId, Guid toPersonId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var face = await db.Faces.SingleOrDefaultAsync(f => f.Id == faceId, cancellationToken).ConfigureAwait(false);
        if (face is null)
        {
            return Outcome.Failed("This face no longer exists.");
        }

        var target = await db.People.SingleOrDefaultAsync(p => p.Id == toPersonId, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return Outcome.Failed("That person no longer exists.");
        }

        if (face.PersonId == toPersonId)
        {
            return Outcome.Failed($"This face is already {target.Name}'s.");
        }

        var photo = await db.Photos.Include(p => p.Person).SingleAsync(p => p.Id == face.PhotoId, cancellationToken).ConfigureAwait(false);
        if (await db.Photos.AnyAsync(p => p.PersonId == toPersonId && p.ContentHash == photo.ContentHash, cancellationToken).ConfigureAwait(false))
        {
            return Outcome.Failed($"This photo is already enrolled for {target.Name}; delete this copy instead.");
        }

        // A photo is kept for the face enrolled from it, so the two move together.
        var faces = await db.Faces.Where(f => f.PhotoId == photo.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var source = photo.Person!;
        var now = time.GetUtcNow().UtcDateTime;
        photo.PersonId = toPersonId;
        foreach (var moved in faces)
        {
            moved.PersonId = toPersonId;
        }

        source.UpdatedAt = now;
        target.UpdatedAt = now;
        Audit(db, actor, AuditActions.FaceMoved, toPersonId, $"Moved a face (photo '{photo.FileName}') from {source.Name} to {target.Name}.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var listener in listeners)
        {
            listener.FacesRemoved(source.GalleryId, faces.Select(f => f.Id).ToList());
            foreach (var moved in faces)
            {
                listener.FaceEnrolled(target.GalleryId, new GalleryFace(moved.Id, toPersonId, target.Name, FloatBlob.ToFloats(moved.Embedding)));
            }
        }

        return Outcome.Ok();
    }

    private async Task<DeletionReport> RemovePhotoAsync(
        FacePortalDbContext db, Photo photo, List<EnrolledFace> faces, string actor, string action, CancellationToken cancellationToken)
    {
        db.Faces.RemoveRange(faces);
        db.Photos.Remove(photo);
        photo.Person!.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var removed = faces.Select(f => f.Id).ToList();
        foreach (var listener in listeners)
        {
            listener.FacesRemoved(photo.Person.GalleryId, removed);
        }
        var files = await BlobReferences.DeleteUnreferencedAsync(
            db, blobs, faces.Select(f => f.CropHash).Append(photo.ContentHash), cancellationToken).ConfigureAwait(false);
        Audit(db, actor, action, photo.PersonId,
            $"Deleted photo '{photo.FileName}' of {photo.Person.Name} with {faces.Count} face(s) and embedding(s); {files} file(s) removed from disk.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new DeletionReport(true, 1, faces.Count, files);
    }

    internal static async Task<bool> NameTakenAsync(FacePortalDbContext db, Guid galleryId, string name, Guid? except, CancellationToken cancellationToken) =>
        await IdByNameAsync(db, galleryId, name, except, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>
    /// The person called <paramref name="name"/> in <paramref name="galleryId"/>, ignoring case in every script. SQLite's lower() and
    /// LIKE fold ASCII only ("Zoë Ünicode" and "zoë ünicode" would be two people), so the database
    /// narrows by length and the comparison runs here.
    /// </summary>
    private static async Task<Guid?> IdByNameAsync(FacePortalDbContext db, Guid galleryId, string name, Guid? except, CancellationToken cancellationToken)
    {
        var sameLength = await db.People.Where(p => p.GalleryId == galleryId && p.Name.Length == name.Length && p.Id != except)
            .Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return sameLength.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Id;
    }

    private void Audit(FacePortalDbContext db, string actor, string action, Guid subject, string details) =>
        AuditTrail.Add(db, time.GetUtcNow().UtcDateTime, actor, action, subject.ToString(), details);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
