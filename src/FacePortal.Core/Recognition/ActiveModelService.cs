using System.Text.Json;
using FacePortal.Core.Auditing;
using FacePortal.Core.Data;
using FacePortal.Core.People;
using FacePortal.Shared.Search;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Core.Recognition;

/// <summary>
/// Which recognizer is in use: the gallery alone (no model), or a trained model. Activating one
/// is recorded in the database (so it survives restarts) and takes effect at once in memory.
/// </summary>
public sealed class ActiveModelService(IDbContextFactory<FacePortalDbContext> databases, TimeProvider time) : IGalleryListener
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private volatile ActiveModel? _current;

    /// <summary>The model in use, or null for the gallery.</summary>
    public ActiveModel? Current => _current;

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var model = await db.TrainedModels.AsNoTracking().Where(m => m.IsActive).OrderByDescending(m => m.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        _current = model is null ? null : new ActiveModel(
            model.Id,
            model.JobId,
            model.Kind,
            model.CreatedAt,
            model.ValidationAccuracy,
            (float)model.ProbabilityThreshold,
            JsonSerializer.Deserialize<List<ModelClass>>(model.ClassesJson, Json) ?? [],
            ClassifierHead.FromCheckpoint(model.Checkpoint));
    }

    /// <summary>Deleting a person deletes the models trained on them, so one in use gives way to the gallery.</summary>
    public void PersonRemoved(Guid personId)
    {
        if (_current?.Classes.Any(c => c.Id == personId) == true)
        {
            _current = null;
        }
    }

    public void FaceEnrolled(GalleryFace face)
    {
    }

    public void FacesRemoved(IReadOnlyCollection<Guid> faceIds)
    {
    }

    /// <summary>Names are read from the gallery when a face is named, so a rename needs nothing here.</summary>
    public void PersonRenamed(Guid personId, string name)
    {
    }

    /// <summary>Puts a model in use, or the gallery when <paramref name="modelId"/> is null. False when the model does not exist.</summary>
    public async Task<bool> ActivateAsync(Guid? modelId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (modelId is { } id && !await db.TrainedModels.AnyAsync(m => m.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await db.TrainedModels.Where(m => m.IsActive && m.Id != modelId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, false), cancellationToken).ConfigureAwait(false);
        if (modelId is { } chosen)
        {
            await db.TrainedModels.Where(m => m.Id == chosen)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, true), cancellationToken).ConfigureAwait(false);
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = AuditActions.ModelActivated,
            SubjectId = modelId?.ToString() ?? "gallery",
            Details = modelId is null ? "Recognition uses the gallery (no trained model)." : $"Recognition uses trained model {modelId}.",
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
