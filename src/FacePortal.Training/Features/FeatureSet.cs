namespace FacePortal.Training.Features;

/// <summary>Feature vectors (rows of <see cref="Dimensions"/> floats) with their labels; one contiguous array.</summary>
public sealed record FeatureSet(float[] Values, int[] Labels, int Dimensions)
{
    public int Count => Labels.Length;

    public ReadOnlySpan<float> Row(int i) => Values.AsSpan(i * Dimensions, Dimensions);
}
