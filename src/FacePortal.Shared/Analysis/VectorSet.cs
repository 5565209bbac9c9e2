namespace FacePortal.Shared.Analysis;

/// <summary>
/// Row vectors of one length in a contiguous array (row <c>i</c> is <c>Values[i * Dimensions ..]</c>):
/// what every analysis here reads, so 10,000 embeddings are one allocation and SIMD-friendly.
/// </summary>
public sealed class VectorSet
{
    public VectorSet(float[] values, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if (values.Length % dimensions != 0)
        {
            throw new ArgumentException($"{values.Length} values are not a whole number of {dimensions}-d rows.", nameof(values));
        }

        Values = values;
        Dimensions = dimensions;
        Count = values.Length / dimensions;
    }

    public float[] Values { get; }

    public int Dimensions { get; }

    public int Count { get; }

    public ReadOnlySpan<float> this[int row] => Values.AsSpan(row * Dimensions, Dimensions);

    public static VectorSet FromRows(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("There are no rows.", nameof(rows));
        }

        var dimensions = rows[0].Length;
        var values = new float[rows.Count * dimensions];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != dimensions)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} values, not {dimensions}.", nameof(rows));
            }

            rows[i].CopyTo(values, i * dimensions);
        }

        return new VectorSet(values, dimensions);
    }
}
