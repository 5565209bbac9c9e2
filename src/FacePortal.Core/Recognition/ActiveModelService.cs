using System.Collections.Frozen;

namespace FacePortal.Core.Recognition;

/// <summary>
/// Which recognizer each gallery uses: its enrolled faces alone (no model), or a trained model of its people.
/// Activating one is recorded in the database (so it survives restarts) and takes effect at once in memory,
/// and the <see cref="IActiveModelListener"/>s hear of it (other nodes, through the gallery channel).
/// </summary>
public sealed class ActiveModelService(TrainedModels trained, RecognitionGallery gallery, IEnumerable<IActiveModelListener> listeners) : IGalleryListener
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private volatile FrozenDictionary<Guid, ActiveModel> _inUse = FrozenDictionary<Guid, ActiveModel>.Empty;

    /// <summary>The model in use in <paramref name="galleryId"/>'s gallery, or null when it searches its enrolled faces alone.</summary>
    public ActiveModel? For(Guid galleryId) => _inUse.GetValueOrDefault(galleryId);

    /// <summary>Whether <paramref name="modelId"/> is in use in some gallery.</summary>
    public bool IsInUse(Guid modelId) => _inUse.Values.Any(m => m.Id == modelId);

    /// <summary>Reads the models in use from the database; a model already loaded is kept as it is (its checkpoint is not read again).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var loaded = _inUse;
        var next = new Dictionary<Guid, ActiveModel>();
        foreach (var (modelId, galleryId) in await trained.InUseAsync(cancellationToken).ConfigureAwait(false))
        {
            if (loaded.GetValueOrDefault(galleryId) is { } same && same.Id == modelId)
            {
                next[galleryId] = same;
            }
            else if (await trained.GetAsync(modelId, cancellationToken).ConfigureAwait(false) is { } model)
            {
                next[galleryId] = Load(model);
            }
        }

        // A learnt metric is not a classifier: its gallery searches in its space instead.
        await gallery.UseProjectionsAsync(
            next.Values.Where(m => m.Projection is not null).ToDictionary(m => m.GalleryId, m => m.Projection!), cancellationToken).ConfigureAwait(false);
        _inUse = next.ToFrozenDictionary();
    }

    private static ActiveModel Load(TrainedModel model)
    {
        var projection = EmbeddingProjection.IsIn(model.Checkpoint) ? EmbeddingProjection.FromCheckpoint(model.Checkpoint) : null;
        return new ActiveModel(
            model.Id,
            model.JobId,
            model.Kind,
            model.CreatedAt,
            model.ValidationAccuracy,
            (float)model.ProbabilityThreshold,
            JsonSerializer.Deserialize<List<ModelClass>>(model.ClassesJson, Json) ?? [],
            projection is null ? ClassifierHead.FromCheckpoint(model.Checkpoint) : null,
            projection)
        { GalleryId = model.GalleryId };
    }

    /// <summary>Deleting a person deletes the models trained on them, so the one in use in their gallery gives way to its enrolled faces.</summary>
    public void PersonRemoved(Guid galleryId, Guid personId)
    {
        var inUse = _inUse;
        if (inUse.GetValueOrDefault(galleryId) is { } model && model.Classes.Any(c => c.Id == personId))
        {
            if (model.Projection is not null)
            {
                gallery.UseRawSpace(galleryId);
            }

            _inUse = inUse.Where(m => m.Key != galleryId).ToFrozenDictionary();
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
    /// A moved person's model stays in use in the gallery it was trained in: a face it picks is named only when
    /// the person is in the gallery searched (<see cref="FaceRecognizer.Match"/>).
    /// </summary>
    public void PersonMoved(Guid fromGalleryId, Guid toGalleryId, Guid personId, IReadOnlyCollection<GalleryFace> faces, IReadOnlyCollection<NegativeFace> negatives)
    {
    }

    /// <summary>Puts a model in use in the gallery whose people it learnt. False when the model does not exist.</summary>
    public async Task<bool> ActivateAsync(Guid modelId, string actor, CancellationToken cancellationToken = default)
    {
        if (await trained.ActivateAsync(modelId, actor, cancellationToken).ConfigureAwait(false) is not { } galleryId)
        {
            return false;
        }

        await ChangedAsync(galleryId, modelId, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Puts <paramref name="galleryId"/>'s enrolled faces alone (no trained model) in use there.</summary>
    public async Task UseGalleryAsync(Guid galleryId, string actor, CancellationToken cancellationToken = default)
    {
        await trained.UseGalleryAsync(galleryId, actor, cancellationToken).ConfigureAwait(false);
        await ChangedAsync(galleryId, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task ChangedAsync(Guid galleryId, Guid? modelId, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        foreach (var listener in listeners)
        {
            listener.ActiveModelChanged(galleryId, modelId);
        }
    }
}
