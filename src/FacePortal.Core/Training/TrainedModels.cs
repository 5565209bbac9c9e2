using System.Globalization;
using System.Text.Json;
using FacePortal.Core.Auditing;
using FacePortal.Core.Data;
using FacePortal.Core.Recognition;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Core.Training;

/// <summary>
/// The trained models in our database: listing, the checkpoint file, deletion, and which one is
/// in use (<see cref="Recognition.ActiveModelService"/> keeps that one loaded in memory).
/// </summary>
public sealed class TrainedModels(IDbContextFactory<FacePortalDbContext> databases, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Models without their checkpoint bytes, newest first.</summary>
    public async Task<IReadOnlyList<TrainedModel>> ListAsync(Guid? jobId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.TrainedModels.AsNoTracking()
            .Where(m => jobId == null || m.JobId == jobId)
            .OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Kind)
            .Select(m => new TrainedModel
            {
                Id = m.Id, JobId = m.JobId, Kind = m.Kind, Epoch = m.Epoch, ValidationLoss = m.ValidationLoss, ValidationAccuracy = m.ValidationAccuracy,
                ClassesJson = m.ClassesJson, ProbabilityThreshold = m.ProbabilityThreshold, Checkpoint = Array.Empty<byte>(), IsActive = m.IsActive, CreatedAt = m.CreatedAt,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The name of the gallery each model names people of (its people's, as a job trains on one gallery), by model id;
    /// absent for a model none of whose people is left.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, string>> GalleryNamesAsync(IReadOnlyList<TrainedModel> models, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(models);
        var people = models.ToDictionary(m => m.Id, m => (JsonSerializer.Deserialize<List<ModelClass>>(m.ClassesJson, Json) ?? []).Select(c => c.Id).ToList());
        var ids = people.Values.SelectMany(p => p).Distinct().ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var galleryOf = await (from p in db.People
                               where ids.Contains(p.Id)
                               join g in db.Galleries on p.GalleryId equals g.Id
                               select new { p.Id, g.Name }).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken).ConfigureAwait(false);
        var names = new Dictionary<Guid, string>();
        foreach (var (model, modelPeople) in people)
        {
            if (modelPeople.Select(id => galleryOf.GetValueOrDefault(id)).FirstOrDefault(n => n is not null) is { } name)
            {
                names[model] = name;
            }
        }

        return names;
    }

    /// <summary>The model in use, checkpoint included, or null when recognition uses the gallery.</summary>
    public async Task<TrainedModel?> ActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.TrainedModels.AsNoTracking().Where(m => m.IsActive).OrderByDescending(m => m.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

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

    /// <summary>Marks a model as the one in use, or none (the gallery) when <paramref name="modelId"/> is null. False when the model does not exist.</summary>
    public async Task<bool> ActivateAsync(Guid? modelId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var chosenModel = modelId is { } id
            ? await db.TrainedModels.AsNoTracking().Where(m => m.Id == id)
                .Select(m => new { m.Kind, m.CreatedAt, m.ValidationAccuracy }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        if (modelId is not null && chosenModel is null)
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

        AuditTrail.Add(
            db, Now, actor, AuditActions.ModelActivated, modelId?.ToString() ?? "gallery",
            // The audit page shows this sentence: the model by what people know it by (the id is the entry's subject).
            chosenModel is null
                ? "Recognition uses the gallery (no trained model)."
                : string.Create(CultureInfo.InvariantCulture,
                    $"Recognition uses the {(chosenModel.Kind == "best" ? "best" : "last-epoch")} model trained {chosenModel.CreatedAt:yyyy-MM-dd HH:mm} UTC ({chosenModel.ValidationAccuracy:P1} on validation)."));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
