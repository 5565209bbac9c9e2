namespace FacePortal.Core.ScaleOut;

/// <summary>
/// Where the database's gallery stands, read in four cheap queries, without a table of its own: every
/// change that recognition sees moves at least one part. An enrollment or a rename commits its audit
/// entry with it (the newest audit id moves); a deletion of faces or of a person lowers the face count
/// (its audit entry follows later, and an enrollment in between would move the audit id); marking a face
/// "not this person" commits its audit entry, and deleting one lowers the negatives count; putting a
/// model in use in a gallery or going back to its enrolled faces changes the models in use; an admin's change of the
/// recognition settings moves their time stamp. Read before the gallery is,
/// so a change committed after the read always shows as a different version next time.
/// </summary>
public sealed record GalleryVersion(long AuditHead, int Faces, int Negatives, string ModelsInUse, DateTime? RecognitionSettings = null)
{
    public static async Task<GalleryVersion> ReadAsync(IDbContextFactory<FacePortalDbContext> databases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(databases);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var auditHead = await db.AuditEntries.MaxAsync(e => (long?)e.Id, cancellationToken).ConfigureAwait(false) ?? 0;
        var faces = await db.Faces.CountAsync(cancellationToken).ConfigureAwait(false);
        var negatives = await db.NegativeExamples.CountAsync(cancellationToken).ConfigureAwait(false);
        var models = string.Join(',', await TrainedModels.InUseIds(db).ToListAsync(cancellationToken).ConfigureAwait(false));
        var settings = await db.RecognitionSettings.Select(s => s.UpdatedAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return new GalleryVersion(auditHead, faces, negatives, models, settings);
    }
}
