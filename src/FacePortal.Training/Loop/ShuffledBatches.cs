namespace FacePortal.Training.Loop;

/// <summary>
/// Every row once per epoch in a seeded shuffle, cut into batches; a last batch of one row is left
/// out, since batch norm cannot normalise a batch of one in training mode.
/// </summary>
public sealed class ShuffledBatches(int rows, int batchSize, int seed)
{
    private readonly long[] _order = Enumerable.Range(0, rows).Select(i => (long)i).ToArray();
    private readonly Random _random = new(seed);

    public IEnumerable<long[]> NextEpoch()
    {
        _random.Shuffle(_order);
        for (var start = 0; start < _order.Length; start += batchSize)
        {
            var count = Math.Min(batchSize, _order.Length - start);
            if (count >= 2)
            {
                yield return _order.AsSpan(start, count).ToArray();
            }
        }
    }
}
