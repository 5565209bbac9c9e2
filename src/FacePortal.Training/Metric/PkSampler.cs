namespace FacePortal.Training.Metric;

/// <summary>
/// Batches of P people x K faces (the batch triplet mining needs: every row has positives and
/// negatives in the same batch). People are taken in a shuffled round so each appears about as often;
/// a person with fewer than K rows gives all of them. Seeded, so a run repeats exactly.
/// </summary>
public sealed class PkSampler
{
    private readonly Dictionary<int, int[]> _rowsByPerson;
    private readonly int _people;
    private readonly int _faces;
    private readonly Random _random;
    private readonly Queue<int> _round = new();

    /// <param name="labels">The person of each row; people with a single row cannot form a positive pair and are left out.</param>
    public PkSampler(IReadOnlyList<int> labels, int peoplePerBatch, int facesPerPerson, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(peoplePerBatch, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(facesPerPerson, 2);
        _rowsByPerson = Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).Where(g => g.Count() >= 2).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => g.ToArray());
        if (_rowsByPerson.Count < 2)
        {
            throw new ArgumentException("Triplets need at least two people with two faces or more.", nameof(labels));
        }

        _people = Math.Min(peoplePerBatch, _rowsByPerson.Count);
        _faces = facesPerPerson;
        _random = new Random(seed);
    }

    /// <summary>The row indices of the next batch, person by person.</summary>
    public long[] Next()
    {
        var batch = new List<long>(_people * _faces);
        var chosen = new HashSet<int>();
        while (chosen.Count < _people)
        {
            if (_round.Count == 0)
            {
                var people = _rowsByPerson.Keys.ToArray();
                _random.Shuffle(people);
                foreach (var person in people)
                {
                    _round.Enqueue(person);
                }
            }

            var next = _round.Dequeue();
            if (!chosen.Add(next))
            {
                continue; // Already in this batch (the round ended mid-batch); it comes again next round.
            }

            var rows = _rowsByPerson[next].ToArray();
            _random.Shuffle(rows);
            batch.AddRange(rows.Take(_faces).Select(r => (long)r));
        }

        return [.. batch];
    }
}
