using FacePortal.Training.Features;

namespace FacePortal.Training.Tests.Transfer;

/// <summary>Separable features for the trainers: Gaussian-ish blobs around one axis per class.</summary>
internal static class FeatureClusters
{
    public static FeatureSet Make(int classes, int perClass, double noise, int seed, int dimensions)
    {
        var random = new Random(seed);
        var values = new float[classes * perClass * dimensions];
        var labels = new int[classes * perClass];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = i % classes;
            for (var d = 0; d < dimensions; d++)
            {
                values[(i * dimensions) + d] = (float)(((d == labels[i]) ? 1 : 0) + (noise * ((random.NextDouble() * 2) - 1)));
            }
        }

        return new FeatureSet(values, labels, dimensions);
    }
}
