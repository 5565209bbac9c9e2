namespace FacePortal.Core.Recognition;

/// <summary>
/// The recognition index of one gallery's people (<see cref="RecognitionGallery"/> keeps one per gallery):
/// loaded from the database once, then kept current by the identity services' change notifications.
/// Changes that arrive while the load runs are replayed after it; they are idempotent, so one already
/// read from the database is harmless.
/// </summary>
internal sealed class GalleryShard(Guid galleryId, IDbContextFactory<FacePortalDbContext> databases, Func<EmbeddingProjection?> projectionInUse)
{
    private volatile GalleryIndex _index = new() { GalleryId = galleryId };
    private readonly EmbeddingSpace _space = new();
    private readonly Lock _gate = new();
    private List<Action<GalleryIndex>>? _pending;
    private List<Action<GalleryIndex>>? _replayOnReload;
    private Task? _loading;
    private volatile bool _loaded;

    public Guid GalleryId => galleryId;

    public bool IsLoaded => _loaded;

    /// <summary>The learnt metric this gallery searches in, or null for the raw embeddings.</summary>
    public EmbeddingProjection? Projection => _space.Projection;

    public async ValueTask<GalleryIndex> GetIndexAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded)
        {
            return _space.Select(_index);
        }

        Task loading;
        lock (_gate)
        {
            _loading ??= LoadAsync();
            loading = _loading;
        }

        await loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _space.Select(_index);
    }

    /// <summary>Searches in <paramref name="projection"/>'s space from now on (every enrolled face projected once), or in the raw embeddings when null.</summary>
    public async Task UseProjectionAsync(EmbeddingProjection? projection, CancellationToken cancellationToken = default)
    {
        await GetIndexAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _space.Use(projection, _index);
        }
    }

    /// <summary>Back to the raw embeddings at once (the metric in use was deleted).</summary>
    public void UseRawSpace()
    {
        lock (_gate)
        {
            _space.Use(null, _index);
        }
    }

    /// <summary>
    /// Reads the whole gallery again into a new index and swaps it in, for a node that may have missed
    /// changes made by another (<see cref="ScaleOut.GallerySync"/>). Searches keep the old index until then;
    /// changes that arrive while the read runs are replayed on the new one. One reload at a time.
    /// </summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await GetIndexAsync(cancellationToken).ConfigureAwait(false);
        var fresh = new GalleryIndex { GalleryId = galleryId };
        lock (_gate)
        {
            _replayOnReload = [];
        }

        try
        {
            await ReadAsync(fresh, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                foreach (var change in _replayOnReload)
                {
                    change(fresh);
                }

                _index = fresh;

                // The metric's index is derived from the raw one, so it follows the reload.
                _space.Use(_space.Projection, fresh);
            }
        }
        finally
        {
            lock (_gate)
            {
                _replayOnReload = null;
            }
        }
    }

    public void Apply(Action<GalleryIndex> change)
    {
        lock (_gate)
        {
            if (_loaded)
            {
                change(_index);
                _space.Apply(change);
                _replayOnReload?.Add(change);
            }
            else
            {
                // Before a load starts, the load itself will read the committed change.
                _pending?.Add(change);
            }
        }
    }

    private async Task LoadAsync()
    {
        lock (_gate)
        {
            _pending = [];
        }

        try
        {
            await ReadAsync(_index, CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                foreach (var change in _pending)
                {
                    change(_index);
                }

                _pending = null;

                // The metric in use when the load finished; a switch after this reaches every loaded shard.
                _space.Use(projectionInUse(), _index);
                _loaded = true;
            }
        }
        catch
        {
            lock (_gate)
            {
                _pending = null;
                _loading = null;
            }

            throw;
        }
    }

    private async Task ReadAsync(GalleryIndex index, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = db.Faces.AsNoTracking()
            .Where(f => f.Person!.GalleryId == galleryId)
            .Select(f => new { f.Id, f.PersonId, f.Person!.Name, f.Embedding })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            index.Add(new GalleryFace(row.Id, row.PersonId, row.Name, FloatBlob.ToFloats(row.Embedding)));
        }

        var negatives = db.NegativeExamples.AsNoTracking()
            .Where(n => n.Person!.GalleryId == galleryId)
            .Select(n => new { n.Id, n.PersonId, n.Embedding })
            .AsAsyncEnumerable();
        await foreach (var row in negatives.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            index.AddNegative(new NegativeFace(row.Id, row.PersonId, FloatBlob.ToFloats(row.Embedding)));
        }
    }
}
