using BenchmarkDotNet.Attributes;
using FacePortal.Shared.Faces.Embeddings;
using FacePortal.Shared.Search;

namespace FacePortal.Benchmarks;

/// <summary>One face through a trained head in plain C# (512 -> 256 -> classes, softmax): the extra cost per face when a model is in use.</summary>
[MemoryDiagnoser]
public class ClassifierHeadBenchmarks
{
    private ClassifierHead _head = null!;
    private float[] _embedding = null!;

    [Params(10, 100)]
    public int People { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        const int hidden = 256;
        var random = new Random(42);
        float[] Values(int count) => Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1) * 0.05f).ToArray();
        _head = ClassifierHead.FromParameters(
            Values(hidden * FaceEmbedder.Dimensions), Values(hidden),
            Enumerable.Repeat(1f, hidden).ToArray(), new float[hidden], new float[hidden], Enumerable.Repeat(1f, hidden).ToArray(), 1e-5f,
            Values(People * hidden), Values(People));
        _embedding = Values(FaceEmbedder.Dimensions);
        EmbeddingMath.Normalize(_embedding);
    }

    [Benchmark]
    public float Probabilities() => _head.Probabilities(_embedding)[0];
}
