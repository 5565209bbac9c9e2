using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FacePortal.Shared.Analysis;
using FacePortal.Shared.Faces.Embeddings;
using FacePortal.Shared.Faces.Quality;

namespace FacePortal.Benchmarks;

/// <summary>
/// The lab's analysis of the whole gallery at 1,000 and 10,000 faces, 30 faces per person: the PCA projection
/// alone and the full survey (PCA, K-means sweep with silhouette, templates, mislabels, near-duplicates).
/// Synthetic embeddings, a random unit centre per person plus noise, so there are clusters to find; the
/// cost depends on the counts, not on real faces. On a busy machine give the build time:
/// dotnet run -c Release --project tests/FacePortal.Benchmarks -- --filter '*LabSurvey*' --buildTimeout 900
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class LabSurveyBenchmarks
{
    private const int FacesPerPerson = 30;
    private List<SurveyFace> _faces = null!;
    private VectorSet _data = null!;

    [Params(1_000, 10_000)]
    public int Faces { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var dimensions = FaceEmbedder.Dimensions;
        _faces = [];
        float[] centre = [];
        for (var i = 0; i < Faces; i++)
        {
            if (i % FacesPerPerson == 0)
            {
                centre = Noise(random, dimensions, 1);
            }

            var embedding = Noise(random, dimensions, 0.8f);
            for (var d = 0; d < dimensions; d++)
            {
                embedding[d] += centre[d];
            }

            EmbeddingMath.Normalize(embedding);
            _faces.Add(new SurveyFace(i / FacesPerPerson, embedding, new FaceQuality(100, 200, 120, 0.9f, 2)));
        }

        _data = VectorSet.FromRows(_faces.Select(f => f.Embedding).ToList());
    }

    [Benchmark]
    public double Projection() => PrincipalComponents.Fit(_data).ExplainedVariance[0];

    [Benchmark]
    public int Survey() => EmbeddingSurvey.Run(_faces, (Faces + FacesPerPerson - 1) / FacesPerPerson).Mislabels.Count;

    private static float[] Noise(Random random, int dimensions, float scale)
    {
        var vector = new float[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            vector[d] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())) * scale / MathF.Sqrt(dimensions);
        }

        return vector;
    }
}
