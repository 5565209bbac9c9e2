using BenchmarkDotNet.Attributes;
using FacePortal.Shared.Faces;
using FacePortal.Shared.Imaging;
using FacePortal.Shared.Models;

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
        var root = RepoRoot();
        _models = FaceModels.LoadPipeline(new FaceModelOptions { Directory = Path.Combine(root, "models", "onnx") });
        _pipeline = new FacePipeline(_models, new FacePipelineOptions());
        using var photo = _pipeline.Decoder.Decode(File.ReadAllBytes(Path.Combine(root, "..", "shared", "datasets", "deepface", "img1.jpg")));
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

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FacePortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FacePortal.sln not found above the benchmark binaries.");
    }
}
