using FacePortal.Shared.Imaging;

namespace FacePortal.Core.Feedback;

/// <summary>
/// "Not this person": an admin's statement that a face is not a person. Stores it as a negative example
/// (embedding, aligned crop, audit entry) and tells the gallery, whose decision then refuses a match closer
/// to the person's negatives than to their own faces. Any face can be marked, named as that person or not:
/// the admin said so, and that is the point. Nothing is stored but on that explicit call.
/// </summary>
public sealed class FeedbackService(
    FacePipeline pipeline,
    IDbContextFactory<FacePortalDbContext> databases,
    BlobStore blobs,
    TimeProvider time,
    IEnumerable<IGalleryListener> listeners)
{
    /// <summary>
    /// Marks one face of <paramref name="photo"/> as not <paramref name="personId"/>: face number <paramref name="faceIndex"/>
    /// (in the order recognition lists them), or the one <paramref name="box"/> overlaps most, or the only one.
    /// Throws <see cref="ImageDecodeException"/> for a photo that cannot be read.
    /// </summary>
    public async Task<MarkResult> MarkAsync(
        Guid personId, ReadOnlyMemory<byte> photo, int? faceIndex, FaceBox? box, NegativeSource source, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!await PersonExistsAsync(personId, cancellationToken).ConfigureAwait(false))
        {
            return MarkResult.Failed(MarkFailure.PersonNotFound, "This person no longer exists.");
        }

        // The pipeline is synchronous CPU work; keep it off the caller's context (a Blazor circuit, a request).
        var faces = await Task.Run(() => pipeline.Analyze(photo.Span), cancellationToken).ConfigureAwait(false);
        var boxes = faces.Select(f => f.Box).ToList();
        var chosen = Choose(faces, faceIndex, box);
        if (chosen is null)
        {
            return faces.Count switch
            {
                0 => MarkResult.Failed(MarkFailure.NoSuchFace, "No face was found in this photo."),
                _ when faceIndex is { } i => MarkResult.Failed(MarkFailure.NoSuchFace, $"There is no face {i}: the photo has {faces.Count} (0 to {faces.Count - 1}).", boxes),
                _ when box is not null => MarkResult.Failed(MarkFailure.NoSuchFace, $"No face in this photo overlaps the given box by at least {FaceChoice.MinBoxOverlap:0.0#} (intersection over union).", boxes),
                _ => MarkResult.Failed(MarkFailure.WhichFace, $"The photo has {faces.Count} faces: say which one (face index or box).", boxes),
            };
        }

        var stored = await StoreAsync(personId, chosen, source, actor, cancellationToken).ConfigureAwait(false);
        return stored is null
            ? MarkResult.Failed(MarkFailure.PersonNotFound, "This person no longer exists.")
            : new MarkResult(stored, MarkFailure.None, "Marked.", boxes);
    }

    /// <summary>Marks a face the caller already analysed (Live holds the frame's analysis).</summary>
    public Task<NegativeExampleSummary?> MarkAsync(Guid personId, FaceAnalysis face, NegativeSource source, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(face);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return StoreAsync(personId, face, source, actor, cancellationToken);
    }

    /// <summary>The person's negative examples, newest first; null when there is no such person.</summary>
    public async Task<IReadOnlyList<NegativeExampleSummary>?> ListAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var rows = await db.NegativeExamples.AsNoTracking().Where(n => n.PersonId == personId)
            .OrderByDescending(n => n.MarkedAt).ThenByDescending(n => n.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(NegativeExampleSummary.Of).ToList();
    }

    /// <summary>The aligned crop (PNG) of a negative example, or null when it or its file is gone.</summary>
    public async Task<byte[]?> ReadCropAsync(Guid negativeId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var hash = await db.NegativeExamples.AsNoTracking().Where(n => n.Id == negativeId).Select(n => n.CropHash)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return hash is null ? null : await blobs.ReadAllAsync(hash, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes one of <paramref name="personId"/>'s negative examples, and its crop when nothing else uses it; false when there is none.</summary>
    public async Task<bool> DeleteAsync(Guid personId, Guid negativeId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        using var referenceLock = await blobs.LockReferencesAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var negative = await db.NegativeExamples.Include(n => n.Person)
            .SingleOrDefaultAsync(n => n.Id == negativeId && n.PersonId == personId, cancellationToken).ConfigureAwait(false);
        if (negative is null)
        {
            return false;
        }

        db.NegativeExamples.Remove(negative);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var listener in listeners)
        {
            listener.NegativesRemoved(negative.Person!.GalleryId, [negativeId]);
        }

        var files = await BlobReferences.DeleteUnreferencedAsync(db, blobs, [negative.CropHash], cancellationToken).ConfigureAwait(false);
        AuditTrail.Add(
            db, time.GetUtcNow().UtcDateTime, actor, AuditActions.NegativeDeleted, personId.ToString(),
            $"Deleted a face marked not {negative.Person!.Name} (marked by {negative.MarkedBy} from {negative.Source.Describe()} on {negative.MarkedAt:yyyy-MM-dd HH:mm} UTC); {files} file(s) removed from disk.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static FaceAnalysis? Choose(IReadOnlyList<FaceAnalysis> faces, int? faceIndex, FaceBox? box)
    {
        if (faceIndex is { } index)
        {
            return index >= 0 && index < faces.Count ? faces[index] : null;
        }

        if (box is { } wanted)
        {
            return FaceChoice.Overlapping(faces, wanted);
        }

        return faces.Count == 1 ? faces[0] : null;
    }

    private async Task<bool> PersonExistsAsync(Guid personId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.People.AnyAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<NegativeExampleSummary?> StoreAsync(Guid personId, FaceAnalysis face, NegativeSource source, string actor, CancellationToken cancellationToken)
    {
        var crop = ImageEncoder.EncodeRgba(face.AlignedFace.Rgba.Span, face.AlignedFace.Size, face.AlignedFace.Size);
        var now = time.GetUtcNow().UtcDateTime;
        var negative = new NegativeExample
        {
            PersonId = personId,
            Embedding = FloatBlob.FromFloats(face.Embedding),
            CropHash = string.Empty,
            BoxLeft = face.Box.Left,
            BoxTop = face.Box.Top,
            BoxRight = face.Box.Right,
            BoxBottom = face.Box.Bottom,
            Source = source,
            MarkedBy = actor.Length > NegativeExample.MaxActorLength ? actor[..NegativeExample.MaxActorLength] : actor,
            MarkedAt = now,
        };

        using var referenceLock = await blobs.LockReferencesAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            return null;
        }

        try
        {
            negative.CropHash = await blobs.PutAsync(crop, cancellationToken).ConfigureAwait(false);
            db.NegativeExamples.Add(negative);
            AuditTrail.Add(
                db, now, actor, AuditActions.NegativeMarked, personId.ToString(),
                $"Marked a face as not {person.Name} from {source.Describe()} (box {face.Box.Left:0},{face.Box.Top:0} {face.Box.Width:0}x{face.Box.Height:0}); recognition now refuses to name faces closer to it than to {person.Name}'s own.");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageFailure.Of(ex) is not null)
        {
            // The crop may be on disk without its row: remove it unless something else uses it (else the sweep will).
            await using var cleanup = await databases.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
            await BlobReferences.DeleteUnreferencedAsync(cleanup, blobs, [negative.CropHash], CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var added = new NegativeFace(negative.Id, personId, face.Embedding);
        foreach (var listener in listeners)
        {
            listener.NegativeAdded(person.GalleryId, added);
        }

        return NegativeExampleSummary.Of(negative);
    }
}
