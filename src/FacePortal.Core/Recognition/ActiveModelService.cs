using System.Text.Json;
using FacePortal.Core.Data;
using FacePortal.Core.Galleries;
using FacePortal.Core.People;
using FacePortal.Core.Training;
using FacePortal.Shared.Search;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Core.Recognition;

/// <summary>
/// Which recognizer is in use: the gallery alone (no model), or a trained model. Activating one
/// is recorded in the database (so it survives restarts) and takes effect at once in memory, and
/// the <see cref="IActiveModelListener"/>s hear of it (other nodes, through the gallery channel).
/// </summary>
public sealed class ActiveModelService(
    TrainedModels trained, RecognitionGallery gallery, IDbContextFactory<FacePortalDbContext> databases, IEnumerable<IActiveModelListener> listeners) : IGalleryListener
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private volatile ActiveModel? _current;

    /// <summary>The model in use, or null for the gallery.</summary>
    public ActiveModel? Current => _current;

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var model = await trained.ActiveAsync(cancellationToken).ConfigureAwait(false);

        // A learnt metric is not a classifier: the gallery searches in its space instead.
        var projection = model is not null && EmbeddingProjection.IsIn(model.Checkpoint) ? EmbeddingProjection.FromCheckpoint(model.Checkpoint) : null;
        await gallery.UseProjectionAsync(projection, cancellationToken).ConfigureAwait(false);
        var classes = model is null ? [] : JsonSerializer.Deserialize<List<ModelClass>>(model.ClassesJson, Json) ?? [];
        var galleryId = await GalleryOfAsync(classes, cancellationToken).ConfigureAwait(false);
        _current = model is null ? null : new ActiveModel(
            model.Id,
            model.JobId,
            model.Kind,
            model.CreatedAt,
            model.ValidationAccuracy,
            (float)model.ProbabilityThreshold,
            classes,
            projection is null ? ClassifierHead.FromCheckpoint(model.Checkpoint) : null,
            projection)
        { GalleryId = galleryId };
    }

    /// <summary>
    /// The gallery a classifier names people of: its people's (a training job trains on one gallery's people).
    /// Main when none of them is left (the model then names nobody anyway).
    /// </summary>
    private async Task<Guid> GalleryOfAsync(List<ModelClass> classes, CancellationToken cancellationToken)
    {
        if (classes.Count == 0)
        {
            return Gallery.DefaultId;
        }

        var ids = classes.Select(c => c.Id).ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var found = await db.People.Where(p => ids.Contains(p.Id)).Select(p => (Guid?)p.GalleryId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return found ?? Gallery.DefaultId;
    }

    /// <summary>Deleting a person deletes the models trained on them, so one in use gives way to the gallery.</summary>
    public void PersonRemoved(Guid galleryId, Guid personId)
    {
        if (_current?.Classes.Any(c => c.Id == personId) == true)
        {
            if (_current.Projection is not null)
            {
                gallery.UseRawSpace();
            }

            _current = null;
        }
    }

    public void FaceEnrolled(Guid galleryId, GalleryFace face)
    {
    }

    public void FacesRemoved(Guid galleryId, IReadOnlyCollection<Guid> faceIds)
    {
    }

    /// <summary>Names are read from the gallery when a face is named, so a rename needs nothing here.</summary>
    public void PersonRenamed(Guid galleryId, Guid personId, string name)
    {
    }

    /// <summary>
    /// A moved person's model stays in use: it is kept in the database, and a face it picks is named only when
    /// the person is in the gallery searched (<see cref="FaceRecognizer.Match"/>).
    /// </summary>
    public void PersonMoved(Guid fromGalleryId, Guid toGalleryId, Guid personId, IReadOnlyCollection<GalleryFace> faces, IReadOnlyCollection<NegativeFace> negatives)
    {
    }

    /// <summary>Puts a model in use, or the gallery when <paramref name="modelId"/> is null. False when the model does not exist.</summary>
    public async Task<bool> ActivateAsync(Guid? modelId, string actor, CancellationToken cancellationToken = default)
    {
        if (!await trained.ActivateAsync(modelId, actor, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await LoadAsync(cancellationToken).ConfigureAwait(false);
        foreach (var listener in listeners)
        {
            listener.ActiveModelChanged(modelId);
        }

        return true;
    }
}
