namespace FacePortal.Core.Recognition;

/// <summary>
/// The space the gallery searches in: the raw embeddings, or a learnt metric's projection of them.
/// The gallery keeps its raw index either way (rolling back needs nothing rebuilt); a metric gets a
/// second index, every enrolled face projected once when the metric is put in use, and each change
/// after that applied to both.
/// </summary>
public sealed class EmbeddingSpace
{
    private volatile GalleryIndex? _projected;

    /// <summary>The metric in use, or null for the raw embeddings.</summary>
    public EmbeddingProjection? Projection => _projected?.Projection;

    /// <summary>The index to search: the projected one while a metric is in use, else <paramref name="raw"/>.</summary>
    public GalleryIndex Select(GalleryIndex raw) => _projected ?? raw;

    /// <summary>
    /// Switches to <paramref name="projection"/> (null: back to raw). The caller holds the lock its
    /// changes are applied under, so none falls between the copy and the switch.
    /// </summary>
    public void Use(EmbeddingProjection? projection, GalleryIndex raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (projection is null)
        {
            _projected = null;
            return;
        }

        var index = new GalleryIndex(projection) { GalleryId = raw.GalleryId };
        foreach (var face in raw.Faces())
        {
            index.Add(face);
        }

        foreach (var negative in raw.Negatives())
        {
            index.AddNegative(negative);
        }

        _projected = index;
    }

    /// <summary>Applies a gallery change to the projected index too, when there is one.</summary>
    public void Apply(Action<GalleryIndex> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (_projected is { } projected)
        {
            change(projected);
        }
    }
}
