using BenchmarkDotNet.Attributes;
using FacePortal.Shared.Faces;
using FacePortal.Shared.Imaging;
using FacePortal.Shared.Models;
using FacePortal.TestSupport;

namespace FacePortal.Benchmarks;

/// <summary>The hot paths of one camera frame: decode, detection, the whole pipeline, and tensor packing.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private FaceModels _models = null!;
    private FacePipeline _pipeline = null!;
    private byte[] _frame = null!;
    private DecodedImage _decoded = null!;
    private readonly byte[] _rgba = new byte[320 * 240 * 4];
    private readonly float[] _tensor = new float[320 * 240 * 3];

    [GlobalSetup]
    public void Setup()
    {
        _models = FaceModels.LoadPipeline(new FaceModelOptions { Directory = RepoLocations.Models });
        _pipeline = new FacePipeline(_models, new FacePipelineOptions());
        using var photo = _pipeline.Decoder.Decode(File.ReadAllBytes(Path.Combine(RepoLocations.DeepFace, "img1.jpg")));
        _frame = ImageTransforms.CoverJpeg(photo, 640, 480);
        _decoded = _pipeline.Decoder.Decode(_frame);
    }

    [Benchmark]
    public int Decode640x480()
    {
        using var image = _pipeline.Decoder.Decode(_frame);
        return image.Width;
    }

    [Benchmark]
    public int DetectOnly() => _pipeline.Detect(_decoded).Count;

    [Benchmark]
    public int AnalyzeOneFace() => _pipeline.Analyze(_frame).Count;

    [Benchmark]
    public void PackDetectorTensor() => TensorPacking.RgbaToPlanar(_rgba, _tensor, 127f, 128f);

    [GlobalCleanup]
    public void Cleanup()
    {
        _decoded.Dispose();
        _models.Dispose();
    }
}
