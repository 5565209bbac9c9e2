using System.Globalization;

namespace FacePortal.Core.Training;

/// <summary>Which model is in use in which gallery.</summary>
public sealed record ModelInUse(Guid ModelId, Guid GalleryId);

/// <summary>
/// The trained models in our database: listing, the checkpoint file, deletion, and which one is
/// in use in each gallery (<see cref="Recognition.ActiveModelService"/> keeps those loaded in memory).
/// </summary>
public sealed class TrainedModels(IDbContextFactory<FacePortalDbContext> databases, TimeProvider time)
{
    /// <summary>Models without their checkpoint bytes, newest first.</summary>
    public async Task<IReadOnlyList<TrainedModel>> ListAsync(Guid? jobId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.TrainedModels.AsNoTracking()
            .Where(m => jobId == null || m.JobId == jobId)
            .OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Kind)
            .Select(m => new TrainedModel
            {
                Id = m.Id, JobId = m.JobId, GalleryId = m.GalleryId, Kind = m.Kind, Epoch = m.Epoch, ValidationLoss = m.ValidationLoss, ValidationAccuracy = m.ValidationAccuracy,
                ClassesJson = m.ClassesJson, ProbabilityThreshold = m.ProbabilityThreshold, Checkpoint = Array.Empty<byte>(), IsActive = m.IsActive, CreatedAt = m.CreatedAt,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The models in use, without their checkpoints (a node compares them with those it holds, and reads only a new one's):
    /// one per gallery at most; a gallery without one searches its enrolled faces.
    /// </summary>
    public async Task<IReadOnlyList<ModelInUse>> InUseAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var active = await db.TrainedModels.AsNoTracking().Where(m => m.IsActive).OrderByDescending(m => m.CreatedAt)
            .Select(m => new ModelInUse(m.Id, m.GalleryId)).ToListAsync(cancellationToken).ConfigureAwait(false);

        // Activation keeps one per gallery; should two ever be marked (two admins at once), the newest wins, as it did before galleries.
        return [.. active.DistinctBy(m => m.GalleryId)];
    }

    /// <summary>A model with its checkpoint, or null when it no longer exists.</summary>
    public async Task<TrainedModel?> GetAsync(Guid modelId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.TrainedModels.AsNoTracking().SingleOrDefaultAsync(m => m.Id == modelId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ids of the models in use, for a cheap check of whether anything changed (another node's version check).</summary>
    public static IQueryable<Guid> InUseIds(FacePortalDbContext db) =>
        db.TrainedModels.Where(m => m.IsActive).OrderBy(m => m.Id).Select(m => m.Id);

    public async Task<byte[]?> CheckpointAsync(Guid modelId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.TrainedModels.Where(m => m.Id == modelId).Select(m => m.Checkpoint).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a model that is not in use; false when there is no such model or it is in use.</summary>
    public async Task<bool> DeleteAsync(Guid modelId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await db.TrainedModels.Where(m => m.Id == modelId && !m.IsActive).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (deleted == 0)
        {
            return false;
        }

        AuditTrail.Add(db, Now, actor, AuditActions.ModelDeleted, modelId.ToString(), "Deleted a trained model.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Marks a model as the one in use in its gallery (the gallery's previous one steps down); the model's gallery,
    /// or null when there is no such model.
    /// </summary>
    public async Task<Guid?> ActivateAsync(Guid modelId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var chosen = await db.TrainedModels.AsNoTracking().Where(m => m.Id == modelId)
            .Select(m => new { m.GalleryId, m.Kind, m.CreatedAt, m.ValidationAccuracy }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (chosen is null)
        {
            return null;
        }

        await StepDownAsync(db, chosen.GalleryId, except: modelId, cancellationToken).ConfigureAwait(false);
        await db.TrainedModels.Where(m => m.Id == modelId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, true), cancellationToken).ConfigureAwait(false);

        // The audit page shows this sentence: the model by what people know it by (the id is the entry's subject).
        await AuditAsync(
            db, actor, modelId.ToString(), chosen.GalleryId,
            gallery => string.Create(CultureInfo.InvariantCulture,
                $"Recognition uses the {(chosen.Kind == "best" ? "best" : "last-epoch")} model trained {chosen.CreatedAt:yyyy-MM-dd HH:mm} UTC ({chosen.ValidationAccuracy:P1} on validation) in the gallery {gallery}."),
            cancellationToken).ConfigureAwait(false);
        return chosen.GalleryId;
    }

    /// <summary>Puts <paramref name="galleryId"/>'s gallery alone (no trained model) in use there.</summary>
    public async Task UseGalleryAsync(Guid galleryId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await StepDownAsync(db, galleryId, except: null, cancellationToken).ConfigureAwait(false);
        await AuditAsync(db, actor, "gallery", galleryId, gallery => $"Recognition in the gallery {gallery} uses its enrolled faces (no trained model).", cancellationToken).ConfigureAwait(false);
    }

    private static Task StepDownAsync(FacePortalDbContext db, Guid galleryId, Guid? except, CancellationToken cancellationToken) =>
        db.TrainedModels.Where(m => m.GalleryId == galleryId && m.IsActive && m.Id != except)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, false), cancellationToken);

    private async Task AuditAsync(FacePortalDbContext db, string actor, string subject, Guid galleryId, Func<string, string> sentence, CancellationToken cancellationToken)
    {
        var gallery = await db.Galleries.Where(g => g.Id == galleryId).Select(g => g.Name).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        AuditTrail.Add(db, Now, actor, AuditActions.ModelActivated, subject, sentence(gallery ?? Galleries.Gallery.DefaultName));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
