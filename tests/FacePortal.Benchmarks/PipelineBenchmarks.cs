using BenchmarkDotNet.Attributes;
using FacePortal.Shared.Faces;
using FacePortal.Shared.Imaging;
using FacePortal.Shared.Models;
using FacePortal.TestSupport;

namespace FacePortal.Benchmarks;

/// <summary>
/// The hot paths of one camera frame: decode, detection, the whole pipeline, and tensor packing;
/// also a 1280x720 frame and a group photo with four faces (face-api's sample4.jpg, 1920x1448).
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private FaceModels _models = null!;
    private FacePipeline _pipeline = null!;
    private FacePipeline _inTurn = null!;
    private byte[] _frame = null!;
    private byte[] _wide = null!;
    private byte[] _group = null!;
    private DecodedImage _decoded = null!;
    private readonly byte[] _rgba = new byte[320 * 240 * 4];
    private readonly float[] _tensor = new float[320 * 240 * 3];

    [GlobalSetup]
    public void Setup()
    {
        _models = FaceModels.LoadPipeline(new FaceModelOptions { Directory = RepoLocations.Models });
        _pipeline = new FacePipeline(_models, new FacePipelineOptions());
        _inTurn = new FacePipeline(_models, new FacePipelineOptions { MaxParallelFaces = 1 });
        using var photo = _pipeline.Decoder.Decode(File.ReadAllBytes(Path.Combine(RepoLocations.DeepFace, "img1.jpg")));
        _frame = ImageTransforms.CoverJpeg(photo, 640, 480);
        _wide = ImageTransforms.CoverJpeg(photo, 1280, 720);
        _group = File.ReadAllBytes(Path.Combine(RepoLocations.FaceApiDemo, "sample4.jpg"));
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
    public int AnalyzeOneFace1280x720() => _pipeline.Analyze(_wide).Count;

    [Benchmark]
    public int AnalyzeFourFaces() => _pipeline.Analyze(_group).Count;

    [Benchmark]
    public int AnalyzeFourFacesInTurn() => _inTurn.Analyze(_group).Count;

    [Benchmark]
    public int DecodeFourFacePhoto()
    {
        using var image = _pipeline.Decoder.Decode(_group);
        return image.Width;
    }

    [Benchmark]
    public int Decode1280x720()
    {
        using var image = _pipeline.Decoder.Decode(_wide);
        return image.Width;
    }

    [Benchmark]
    public void PackDetectorTensor() => TensorPacking.RgbaToPlanar(_rgba, _tensor, 127f, 128f);

    [GlobalCleanup]
    public void Cleanup()
    {
        _decoded.Dispose();
        _models.Dispose();
    }
}
