using FacePortal.Shared.Analysis;

namespace FacePortal.Shared.Tests.Analysis;

/// <summary>Well-separated synthetic clusters: a random unit centre per person, rows scattered around it.</summary>
internal static class Blobs
{
    public static (VectorSet Data, int[] Labels) Make(int people, int perPerson, int dimensions, float spread, int seed)
    {
        var random = new Random(seed);
        var values = new float[people * perPerson * dimensions];
        var labels = new int[people * perPerson];
        for (var p = 0; p < people; p++)
        {
            var centre = Enumerable.Range(0, dimensions).Select(_ => Gaussian(random)).ToArray();
            var norm = MathF.Sqrt(centre.Sum(v => v * v));
            for (var f = 0; f < perPerson; f++)
            {
                var row = (p * perPerson) + f;
                labels[row] = p;
                for (var d = 0; d < dimensions; d++)
                {
                    values[(row * dimensions) + d] = (centre[d] / norm) + (spread * Gaussian(random) / MathF.Sqrt(dimensions));
                }
            }
        }

        return (new VectorSet(values, dimensions), labels);
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
