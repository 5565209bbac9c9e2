using FacePortal.Shared.Faces.Embeddings;

namespace FacePortal.Benchmarks;

/// <summary>Random unit embeddings of the model's size: a search's and a decision's cost do not depend on the values.</summary>
public static class RandomEmbeddings
{
    public static float[] Unit(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var vector = new float[FaceEmbedder.Dimensions];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        EmbeddingMath.Normalize(vector);
        return vector;
    }
}
