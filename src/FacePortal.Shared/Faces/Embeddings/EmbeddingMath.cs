namespace FacePortal.Shared.Faces.Embeddings;

/// <summary>Vector operations on embeddings, SIMD through TensorPrimitives.</summary>
public static class EmbeddingMath
{
    /// <summary>Scales <paramref name="vector"/> to unit length in place (a zero vector stays zero).</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }

    /// <summary>Cosine similarity in [-1, 1].</summary>
    public static float CosineSimilarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        TensorPrimitives.CosineSimilarity(a, b);
}
