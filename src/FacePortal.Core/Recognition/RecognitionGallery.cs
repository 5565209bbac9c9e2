using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace FacePortal.Core.Recognition;

/// <summary>
/// The recognition indexes, one per gallery: each is loaded from the database the first time its gallery is
/// searched, then kept current by the identity services' change notifications, which name the gallery they
/// belong to, so a change in one gallery never touches another's index. A learnt metric in use in a gallery
/// applies to that gallery's index alone.
/// </summary>
public sealed class RecognitionGallery(IDbContextFactory<FacePortalDbContext> databases) : IGalleryListener
{
    private readonly ConcurrentDictionary<Guid, GalleryShard> _shards = new();
    private volatile FrozenDictionary<Guid, EmbeddingProjection> _projections = FrozenDictionary<Guid, EmbeddingProjection>.Empty;

    /// <summary>Whether <paramref name="galleryId"/>'s index has been loaded on this node.</summary>
    public bool IsLoaded(Guid galleryId) => _shards.TryGetValue(galleryId, out var shard) && shard.IsLoaded;

    /// <summary>The galleries whose index this node has loaded (for metrics and reloads).</summary>
    public IReadOnlyList<Guid> LoadedGalleries => [.. _shards.Values.Where(s => s.IsLoaded).Select(s => s.GalleryId)];

    /// <summary>The index to search for <paramref name="galleryId"/>, loaded on first use. An unknown gallery has an empty index.</summary>
    public ValueTask<GalleryIndex> GetIndexAsync(Guid galleryId, CancellationToken cancellationToken = default) =>
        Shard(galleryId).GetIndexAsync(cancellationToken);

    /// <summary>The index of <paramref name="galleryId"/> if it is loaded, without waiting; null otherwise.</summary>
    public GalleryIndex? LoadedIndex(Guid galleryId) =>
        _shards.TryGetValue(galleryId, out var shard) && shard.IsLoaded && shard.GetIndexAsync() is { IsCompletedSuccessfully: true } loaded ? loaded.Result : null;

    /// <summary>The learnt metric <paramref name="galleryId"/>'s gallery searches in, or null for the raw embeddings.</summary>
    public EmbeddingProjection? ProjectionOf(Guid galleryId) => _projections.GetValueOrDefault(galleryId);

    /// <summary>
    /// Searches each gallery of <paramref name="projections"/> in its metric's space from now on, and every other gallery in
    /// the raw embeddings. A gallery whose metric did not change is left as it is (its faces are projected once, not again).
    /// </summary>
    public async Task UseProjectionsAsync(IReadOnlyDictionary<Guid, EmbeddingProjection> projections, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projections);

        // Set first: a gallery loaded from now on starts in its space; those already known switch below.
        _projections = projections.ToFrozenDictionary();
        foreach (var shard in _shards.Values)
        {
            var wanted = projections.GetValueOrDefault(shard.GalleryId);
            if (!ReferenceEquals(shard.Projection, wanted))
            {
                await shard.UseProjectionAsync(wanted, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Back to the raw embeddings at once in <paramref name="galleryId"/>'s gallery (its metric in use was deleted).</summary>
    public void UseRawSpace(Guid galleryId)
    {
        _projections = _projections.Where(p => p.Key != galleryId).ToFrozenDictionary();
        if (_shards.TryGetValue(galleryId, out var shard))
        {
            shard.UseRawSpace();
        }
    }

    /// <summary>Reads every loaded gallery again (<see cref="GalleryShard.ReloadAsync"/>), and forgets galleries that no longer exist.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        List<Guid> existing;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            existing = await db.Galleries.Select(g => g.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var (id, shard) in _shards)
        {
            if (!existing.Contains(id))
            {
                _shards.TryRemove(id, out _);
                continue;
            }

            await shard.ReloadAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Drops a deleted gallery's index.</summary>
    public void Forget(Guid galleryId) => _shards.TryRemove(galleryId, out _);

    public void FaceEnrolled(Guid galleryId, GalleryFace face) => Apply(galleryId, index => index.Add(face));

    public void FacesRemoved(Guid galleryId, IReadOnlyCollection<Guid> faceIds) => Apply(galleryId, index => index.Remove(faceIds));

    public void PersonRenamed(Guid galleryId, Guid personId, string name) => Apply(galleryId, index => index.Rename(personId, name));

    public void PersonRemoved(Guid galleryId, Guid personId) => Apply(galleryId, index => index.RemovePerson(personId));

    public void NegativeAdded(Guid galleryId, NegativeFace negative) => Apply(galleryId, index => index.AddNegative(negative));

    public void NegativesRemoved(Guid galleryId, IReadOnlyCollection<Guid> negativeIds) => Apply(galleryId, index => index.RemoveNegatives(negativeIds));

    private void Apply(Guid galleryId, Action<GalleryIndex> change)
    {
        // A gallery nobody searched yet has no index: its first load reads the committed change.
        if (_shards.TryGetValue(galleryId, out var shard))
        {
            shard.Apply(change);
        }
    }

    private GalleryShard Shard(Guid galleryId) => _shards.GetOrAdd(galleryId, id => new GalleryShard(id, databases, () => _projections.GetValueOrDefault(id)));
}
