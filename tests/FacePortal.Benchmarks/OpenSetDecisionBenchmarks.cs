using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using FacePortal.Shared.Analysis;
using FacePortal.Shared.Faces.Embeddings;
using FacePortal.Shared.Faces.Quality;
using FacePortal.Shared.OpenSet;
using FacePortal.Shared.Search;

namespace FacePortal.Benchmarks;

/// <summary>
/// What the open-set decision adds to one face's search at 10,000 enrolled people (one face each, 50 of them
/// with three "not this person" faces): the decision itself (quality gate, threshold, runner-up margin,
/// negatives) beside the search it follows, and the operating point recomputed after a gallery change.
/// The budget: under 0.5 ms per face for what the decision keeps.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessRuns.Short))]
public class OpenSetDecisionBenchmarks
{
    private const int People = 10_000;

    private GalleryIndex _index = null!;
    private float[] _query = null!;
    private IReadOnlyList<GalleryMatch> _candidates = null!;
    private OperatingPointCalculator _calculator = null!;
    private ImpostorProfile _galleryProfile = null!;
    private OperatingPoint _point = null!;
    private readonly OpenSetDecider _decider = new(new QualityRules(), 0.05f);
    private readonly FaceQuality _quality = new(120, 200, 120, 0.9f, 2);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _index = new GalleryIndex();
        var faces = new List<GalleryFace>();
        for (var i = 0; i < People; i++)
        {
            var face = new GalleryFace(Guid.NewGuid(), Guid.NewGuid(), $"Person {i}", RandomEmbeddings.Unit(random));
            _index.Add(face);
            faces.Add(face);
            if (i < 50)
            {
                for (var n = 0; n < 3; n++)
                {
                    _index.AddNegative(new NegativeFace(Guid.NewGuid(), face.PersonId, RandomEmbeddings.Unit(random)));
                }
            }
        }

        // The query sits close to person 0, who has negatives, so every check runs.
        _query = faces[0].Embedding.Select(v => v + ((float)random.NextDouble() * 0.02f)).ToArray();
        EmbeddingMath.Normalize(_query);
        _candidates = _index.Search(_query, 3);
        _calculator = new OperatingPointCalculator(ImpostorStatistics.Shipped.ToProfile(), GalleryStatisticsWeighting.Default);
        _galleryProfile = GalleryStatistics.Profile(faces)!;
        _point = _calculator.Compute(0.01, People, People, _galleryProfile);
    }

    [Benchmark(Baseline = true)]
    public int SearchTop3() => _index.Search(_query, 3).Count;

    [Benchmark]
    public VerdictKind DecideAfterSearch()
    {
        var negative = _index.NearestNegative(_candidates[0].PersonId, _query);
        return _decider.Decide(_quality, _candidates, _point, negative).Kind;
    }

    [Benchmark]
    public VerdictKind SearchAndDecide()
    {
        var candidates = _index.Search(_query, 3);
        return _decider.Decide(_quality, candidates, _point, _index.NearestNegative(candidates[0].PersonId, _query)).Kind;
    }

    /// <summary>After each change: the threshold for the new size from both profiles (the gallery's is measured in the background).</summary>
    [Benchmark]
    public float OperatingPointAfterAChange() => _calculator.Compute(0.01, People, People, _galleryProfile).Threshold;

}

/// <summary>Measuring the gallery's own impostor statistics (at most 2,000 probes against everyone), in the background after changes settle.</summary>
[Config(typeof(InProcessRuns.Monitoring))]
public class GalleryStatisticsBenchmarks
{
    private List<GalleryFace> _faces = null!;

    [Params(1_600, 10_000)]
    public int People { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _faces = Enumerable.Range(0, People).Select(i => new GalleryFace(Guid.NewGuid(), Guid.NewGuid(), $"Person {i}", RandomEmbeddings.Unit(random))).ToList();
    }

    [Benchmark]
    public int MeasureGalleryProfile() => GalleryStatistics.Profile(_faces)!.Tails.Count;
}

/// <summary>
/// In-process jobs: building a separate benchmark exe times out on a loaded machine, and the gallery
/// measurement runs longer than BenchmarkDotNet's default in-process limit.
/// </summary>
public static class InProcessRuns
{
    public sealed class Short : BenchmarkDotNet.Configs.ManualConfig
    {
        public Short() => AddJob(BenchmarkDotNet.Jobs.Job.ShortRun.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance));
    }

    public sealed class Monitoring : BenchmarkDotNet.Configs.ManualConfig
    {
        public Monitoring() => AddJob(BenchmarkDotNet.Jobs.Job.Default
            .WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
            .WithToolchain(new BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: false)));
    }
}
