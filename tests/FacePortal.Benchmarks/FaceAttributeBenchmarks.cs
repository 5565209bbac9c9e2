using BenchmarkDotNet.Attributes;
using FacePortal.Shared.Faces;
using FacePortal.Shared.Faces.Attributes;
using FacePortal.Shared.Imaging;
using FacePortal.Shared.Models;
using FacePortal.TestSupport;

namespace FacePortal.Benchmarks;

/// <summary>
/// Each face attribute plugin alone, and all six, on the one face of a 640x480 frame (deepface img1.jpg):
/// crop, tensor packing, model run and decoding; the face's detection is done once in set-up. Models run
/// with one intra-op thread, as in the app. Short job: the figures are for a README table, not a regression gate.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class FaceAttributeBenchmarks
{
    private FaceModels _models = null!;
    private FaceAttributeAnalyzer _analyzer = null!;
    private DecodedImage _frame = null!;
    private FaceAnalysis _face = null!;

    [Params(FacePlugins.Pose, FacePlugins.Age, FacePlugins.Gender, FacePlugins.Expression, FacePlugins.Eyes, FacePlugins.Liveness, FaceAttributeAnalyzer.AllPlugins)]
    public FacePlugins Plugins { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var options = new FaceModelOptions { Directory = RepoLocations.Models };
        _models = FaceModels.LoadPipeline(options);
        var pipeline = new FacePipeline(_models, new FacePipelineOptions());
        _analyzer = new FaceAttributeAnalyzer(options);
        using var photo = pipeline.Decoder.Decode(File.ReadAllBytes(Path.Combine(RepoLocations.DeepFace, "img1.jpg")));
        _frame = pipeline.Decoder.Decode(ImageTransforms.CoverJpeg(photo, 640, 480));
        _face = pipeline.Analyze(_frame).Single();

        // Loading (and tuning) a model is the first request's cost, not a steady-state one.
        _analyzer.Analyze(_frame, _face, FaceAttributeAnalyzer.AllPlugins);
    }

    [Benchmark]
    public FaceAttributes Analyze() => _analyzer.Analyze(_frame, _face, Plugins);

    [GlobalCleanup]
    public void Cleanup()
    {
        _analyzer.Dispose();
        _frame.Dispose();
        _models.Dispose();
    }
}
