using BenchmarkDotNet.Attributes;
using FacePortal.Shared.Faces.Embeddings;
using FacePortal.Shared.Search;

namespace FacePortal.Benchmarks;

/// <summary>
/// One face's search of the gallery (nearest face per person, templates, top 3) at 1k, 10k and
/// 100k enrolled embeddings, ten per person. Random unit vectors: the cost does not depend on the values.
/// </summary>
[MemoryDiagnoser]
public class GalleryIndexBenchmarks
{
    private const int FacesPerPerson = 10;

    private GalleryIndex _index = null!;
    private float[] _query = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Embeddings { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _index = new GalleryIndex();
        var people = Enumerable.Range(0, Embeddings / FacesPerPerson).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < Embeddings; i++)
        {
            _index.Add(new GalleryFace(Guid.NewGuid(), people[i / FacesPerPerson], $"Person {i / FacesPerPerson}", RandomEmbeddings.Unit(random)));
        }

        _query = RandomEmbeddings.Unit(random);
    }

    [Benchmark]
    public int SearchTop3() => _index.Search(_query, 3).Count;
}
