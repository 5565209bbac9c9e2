using FacePortal.Shared.Faces.Embeddings;

namespace FacePortal.Shared.Search;

/// <summary>
/// Every enrolled embedding in one contiguous float array, searched by SIMD dot products
/// (embeddings are unit length, so the dot product is the cosine similarity). Each person also
/// has a template, the normalised mean of their embeddings. Adds and removals are O(dimensions):
/// a removed row is filled by the last one. Many searches run at once; changes take the write lock.
/// With a learned metric (<see cref="EmbeddingProjection"/>) the index holds projected vectors: faces
/// and queries still arrive as embeddings and are projected on the way in.
/// </summary>
public sealed class GalleryIndex
{
    private readonly int _dimensions;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<Guid, int> _rowByFace = [];
    private readonly Dictionary<Guid, int> _slotByPerson = [];
    private readonly List<PersonSlot> _people = [];
    private readonly Stack<int> _freeSlots = new();
    private float[] _vectors;
    private Guid[] _faceIds = new Guid[64];
    private int[] _slotOfRow = new int[64];
    private int _rows;
    private long _version;
    private readonly Dictionary<Guid, List<(NegativeFace Face, float[] Vector)>> _negativesByPerson = [];

    /// <param name="projection">The learned metric to search in, or null for the embeddings themselves.</param>
    public GalleryIndex(EmbeddingProjection? projection = null)
    {
        Projection = projection;
        _dimensions = projection?.Outputs ?? FaceEmbedder.Dimensions;
        _vectors = new float[64 * _dimensions];
    }

    /// <summary>
    /// The gallery whose people this index holds (empty for an index outside the portal's galleries).
    /// Per-gallery state kept about an index (its operating point) is keyed by it, so it survives a reload.
    /// </summary>
    public Guid GalleryId { get; init; }

    /// <summary>The learned metric this index searches in; null for the raw embedding space.</summary>
    public EmbeddingProjection? Projection { get; }

    /// <summary>Values per stored vector: the embedding's, or the projection's outputs.</summary>
    public int VectorDimensions => _dimensions;

    /// <summary>Rises with every change to the faces; equal versions of one index hold the same faces.</summary>
    public long Version => Interlocked.Read(ref _version);

    public int FaceCount
    {
        get
        {
            using var read = Reading();
            return _rows;
        }
    }

    public int PersonCount
    {
        get
        {
            using var read = Reading();
            return _slotByPerson.Count;
        }
    }

    /// <summary>Adds a face, or does nothing if it is already in the index.</summary>
    public void Add(GalleryFace face)
    {
        ArgumentNullException.ThrowIfNull(face);
        if (face.Embedding.Length != EmbeddingDimensions)
        {
            throw new ArgumentException($"An embedding has {EmbeddingDimensions} values; this one has {face.Embedding.Length}.", nameof(face));
        }

        // Projected outside the lock: a face costs one small matrix product, searches need not wait for it.
        var vector = Projection?.Project(face.Embedding) ?? face.Embedding;

        using var write = Writing();
        if (_rowByFace.ContainsKey(face.FaceId))
        {
            return;
        }

        var slot = SlotFor(face.PersonId, face.PersonName);
        EnsureCapacity(_rows + 1);
        var row = _rows++;
        var target = _vectors.AsSpan(row * _dimensions, _dimensions);
        vector.CopyTo(target);
        EmbeddingMath.Normalize(target);
        _faceIds[row] = face.FaceId;
        _slotOfRow[row] = slot;
        _rowByFace[face.FaceId] = row;

        var person = _people[slot];
        TensorPrimitives.Add(person.Sum, target, person.Sum);
        person.Count++;
        person.RefreshTemplate();
        Interlocked.Increment(ref _version);
    }

    /// <summary>Removes faces; unknown ids are ignored. A person with no faces left leaves the index.</summary>
    public void Remove(IEnumerable<Guid> faceIds)
    {
        ArgumentNullException.ThrowIfNull(faceIds);
        using var write = Writing();
        foreach (var faceId in faceIds)
        {
            RemoveRow(faceId);
        }
    }

    public void RemovePerson(Guid personId)
    {
        using var write = Writing();
        if (!_slotByPerson.TryGetValue(personId, out var slot))
        {
            _negativesByPerson.Remove(personId);
            return;
        }

        var faces = new List<Guid>();
        for (var row = 0; row < _rows; row++)
        {
            if (_slotOfRow[row] == slot)
            {
                faces.Add(_faceIds[row]);
            }
        }

        foreach (var faceId in faces)
        {
            RemoveRow(faceId);
        }

        _negativesByPerson.Remove(personId);
    }

    public void Rename(Guid personId, string name)
    {
        using var write = Writing();
        if (_slotByPerson.TryGetValue(personId, out var slot))
        {
            _people[slot].Name = name;
        }
    }

    /// <summary>
    /// The <paramref name="topK"/> people closest to <paramref name="query"/> (unit length), best
    /// first by their nearest face; each with the similarity to their template too.
    /// </summary>
    public IReadOnlyList<GalleryMatch> Search(ReadOnlySpan<float> query, int topK)
    {
        if (query.Length != EmbeddingDimensions)
        {
            throw new ArgumentException($"A query has {EmbeddingDimensions} values; this one has {query.Length}.", nameof(query));
        }

        if (topK <= 0)
        {
            return [];
        }

        if (Projection is null)
        {
            return SearchSpace(query, topK);
        }

        Span<float> projected = stackalloc float[_dimensions];
        Projection.Project(query, projected);
        return SearchSpace(projected, topK);
    }

    private List<GalleryMatch> SearchSpace(ReadOnlySpan<float> query, int topK)
    {
        using var read = Reading();
        if (_rows == 0)
        {
            return [];
        }

        var slots = _people.Count;
        var best = new float[slots];
        var bestRow = new int[slots];
        best.AsSpan().Fill(float.NegativeInfinity);
        var vectors = _vectors.AsSpan(0, _rows * _dimensions);
        for (var row = 0; row < _rows; row++)
        {
            var similarity = TensorPrimitives.Dot(vectors.Slice(row * _dimensions, _dimensions), query);
            var slot = _slotOfRow[row];
            if (similarity > best[slot])
            {
                best[slot] = similarity;
                bestRow[slot] = row;
            }
        }

        var ranked = new List<GalleryMatch>(Math.Min(topK, slots) + 1);
        for (var slot = 0; slot < slots; slot++)
        {
            if (float.IsNegativeInfinity(best[slot]))
            {
                continue;
            }

            var similarity = best[slot];
            if (ranked.Count == topK && similarity <= ranked[^1].Similarity)
            {
                continue;
            }

            var person = _people[slot];
            var match = new GalleryMatch(
                person.Id,
                person.Name,
                similarity,
                TensorPrimitives.Dot(person.Template, query),
                _faceIds[bestRow[slot]],
                person.Count);
            var at = ranked.FindIndex(m => m.Similarity < similarity);
            ranked.Insert(at < 0 ? ranked.Count : at, match);
            if (ranked.Count > topK)
            {
                ranked.RemoveAt(ranked.Count - 1);
            }
        }

        return ranked;
    }

    /// <summary>
    /// The similarity of <paramref name="query"/> to a person's nearest enrolled face and that
    /// person's current name, or null when the person has no faces (or no longer exists).
    /// </summary>
    public GalleryMatch? Nearest(Guid personId, ReadOnlySpan<float> query)
    {
        if (Projection is null)
        {
            return NearestInSpace(personId, query);
        }

        Span<float> projected = stackalloc float[_dimensions];
        Projection.Project(query, projected);
        return NearestInSpace(personId, projected);
    }

    private GalleryMatch? NearestInSpace(Guid personId, ReadOnlySpan<float> query)
    {
        using var read = Reading();
        if (!_slotByPerson.TryGetValue(personId, out var slot))
        {
            return null;
        }

        var best = float.NegativeInfinity;
        var bestRow = -1;
        for (var row = 0; row < _rows; row++)
        {
            if (_slotOfRow[row] != slot)
            {
                continue;
            }

            var similarity = TensorPrimitives.Dot(_vectors.AsSpan(row * _dimensions, _dimensions), query);
            if (similarity > best)
            {
                (best, bestRow) = (similarity, row);
            }
        }

        var person = _people[slot];
        return new GalleryMatch(person.Id, person.Name, best, TensorPrimitives.Dot(person.Template, query), _faceIds[bestRow], person.Count);
    }

    /// <summary>
    /// Adds a face an admin marked "not this person" for <see cref="NegativeFace.PersonId"/>, or does nothing
    /// if it is already here. It is searched only as that person's counter-example, never named.
    /// </summary>
    public void AddNegative(NegativeFace negative)
    {
        ArgumentNullException.ThrowIfNull(negative);
        if (negative.Embedding.Length != EmbeddingDimensions)
        {
            throw new ArgumentException($"An embedding has {EmbeddingDimensions} values; this one has {negative.Embedding.Length}.", nameof(negative));
        }

        var vector = (Projection?.Project(negative.Embedding) ?? negative.Embedding).ToArray();
        EmbeddingMath.Normalize(vector);
        using var write = Writing();
        if (!_negativesByPerson.TryGetValue(negative.PersonId, out var list))
        {
            _negativesByPerson[negative.PersonId] = list = [];
        }

        if (!list.Exists(n => n.Face.Id == negative.Id))
        {
            list.Add((negative, vector));
        }
    }

    /// <summary>Removes "not this person" faces; unknown ids are ignored.</summary>
    public void RemoveNegatives(IReadOnlyCollection<Guid> negativeIds)
    {
        ArgumentNullException.ThrowIfNull(negativeIds);
        using var write = Writing();
        foreach (var (person, list) in _negativesByPerson.ToList())
        {
            list.RemoveAll(n => negativeIds.Contains(n.Face.Id));
            if (list.Count == 0)
            {
                _negativesByPerson.Remove(person);
            }
        }
    }

    /// <summary>Every "not this person" face as it was added (for building the same gallery in another space).</summary>
    public IReadOnlyList<NegativeFace> Negatives()
    {
        using var read = Reading();
        return _negativesByPerson.Values.SelectMany(l => l).Select(n => n.Face).ToList();
    }

    /// <summary>
    /// The similarity of <paramref name="query"/> (an embedding) to the nearest face marked "not" <paramref name="personId"/>,
    /// or null when nobody marked any.
    /// </summary>
    public float? NearestNegative(Guid personId, ReadOnlySpan<float> query)
    {
        Span<float> projected = stackalloc float[_dimensions];
        if (Projection is null)
        {
            query.CopyTo(projected);
        }
        else
        {
            Projection.Project(query, projected);
        }

        using var read = Reading();
        if (!_negativesByPerson.TryGetValue(personId, out var list))
        {
            return null;
        }

        var best = float.NegativeInfinity;
        foreach (var negative in list)
        {
            best = Math.Max(best, TensorPrimitives.Dot(negative.Vector, projected));
        }

        return best;
    }

    /// <summary>
    /// Every face with its stored vector (unit length, in this index's space), for building the
    /// same gallery in another space.
    /// </summary>
    public IReadOnlyList<GalleryFace> Faces()
    {
        using var read = Reading();
        var faces = new GalleryFace[_rows];
        for (var row = 0; row < _rows; row++)
        {
            var person = _people[_slotOfRow[row]];
            faces[row] = new GalleryFace(_faceIds[row], person.Id, person.Name, _vectors.AsSpan(row * _dimensions, _dimensions).ToArray());
        }

        return faces;
    }

    /// <summary>The read lock, held until the scope ends: <c>using var read = Reading();</c>.</summary>
    private LockScope Reading()
    {
        _lock.EnterReadLock();
        return new LockScope(_lock, write: false);
    }

    /// <summary>The write lock, held until the scope ends: <c>using var write = Writing();</c>.</summary>
    private LockScope Writing()
    {
        _lock.EnterWriteLock();
        return new LockScope(_lock, write: true);
    }

    /// <summary>Releases what <see cref="Reading"/> or <see cref="Writing"/> took; a ref struct, so it costs no allocation on the search path.</summary>
    private readonly ref struct LockScope(ReaderWriterLockSlim gate, bool write)
    {
        public void Dispose()
        {
            if (write)
            {
                gate.ExitWriteLock();
            }
            else
            {
                gate.ExitReadLock();
            }
        }
    }

    private int EmbeddingDimensions => Projection?.Inputs ?? _dimensions;

    private int SlotFor(Guid personId, string name)
    {
        if (_slotByPerson.TryGetValue(personId, out var slot))
        {
            _people[slot].Name = name;
            return slot;
        }

        var person = new PersonSlot(personId, name, _dimensions);
        if (_freeSlots.TryPop(out slot))
        {
            _people[slot] = person;
        }
        else
        {
            slot = _people.Count;
            _people.Add(person);
        }

        _slotByPerson[personId] = slot;
        return slot;
    }

    private void RemoveRow(Guid faceId)
    {
        if (!_rowByFace.Remove(faceId, out var row))
        {
            return;
        }

        var slot = _slotOfRow[row];
        var person = _people[slot];
        var removed = _vectors.AsSpan(row * _dimensions, _dimensions);
        TensorPrimitives.Subtract(person.Sum, removed, person.Sum);
        person.Count--;

        Interlocked.Increment(ref _version);
        var last = --_rows;
        if (row != last)
        {
            _vectors.AsSpan(last * _dimensions, _dimensions).CopyTo(removed);
            _faceIds[row] = _faceIds[last];
            _slotOfRow[row] = _slotOfRow[last];
            _rowByFace[_faceIds[row]] = row;
        }

        if (person.Count == 0)
        {
            _slotByPerson.Remove(person.Id);
            _people[slot] = PersonSlot.Empty;
            _freeSlots.Push(slot);
        }
        else
        {
            person.RefreshTemplate();
        }
    }

    private void EnsureCapacity(int rows)
    {
        if (rows <= _faceIds.Length)
        {
            return;
        }

        var capacity = Math.Max(rows, _faceIds.Length * 2);
        Array.Resize(ref _vectors, capacity * _dimensions);
        Array.Resize(ref _faceIds, capacity);
        Array.Resize(ref _slotOfRow, capacity);
    }

    private sealed class PersonSlot(Guid id, string name, int dimensions)
    {
        public static readonly PersonSlot Empty = new(Guid.Empty, string.Empty, 0);

        public Guid Id { get; } = id;

        public string Name { get; set; } = name;

        public int Count { get; set; }

        /// <summary>Running sum of the person's unit embeddings; kept so a change costs one vector add.</summary>
        public float[] Sum { get; } = new float[dimensions];

        public float[] Template { get; } = new float[dimensions];

        public void RefreshTemplate()
        {
            Sum.CopyTo(Template, 0);
            EmbeddingMath.Normalize(Template);
        }
    }
}
