using BenchmarkDotNet.Attributes;
using FacePortal.Shared.Faces;
using FacePortal.Shared.Faces.Detection;
using FacePortal.Shared.Imaging;
using FacePortal.Shared.Models;
using FacePortal.TestSupport;
using SkiaSharp;

namespace FacePortal.Benchmarks;

/// <summary>
/// Decode and analyse with and without region decoding (a large JPEG decoded whole only at the
/// detector's scale, and at full resolution around the faces): a 640x480 frame (too small for it,
/// so both are the same path), a 1280x720 frame and the four-face sample4.jpg (1920x1448).
/// Faces run one at a time here, to see the decoding alone.
/// </summary>
[MemoryDiagnoser]
public class RegionDecodingBenchmarks
{
    private FaceModels _models = null!;
    private FacePipeline _pipeline = null!;
    private ImageDecoder _decoder = null!;
    private byte[] _frame = null!;
    private byte[] _wide = null!;
    private byte[] _group = null!;

    [Params(false, true)]
    public bool RegionDecoding { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _models = FaceModels.LoadPipeline(new FaceModelOptions { Directory = RepoLocations.Models });
        _pipeline = new FacePipeline(_models, new FacePipelineOptions { MaxParallelFaces = 1 });
        _decoder = RegionDecoding
            ? new ImageDecoder(ImageLimits.Default, new SKSizeI(UltraFaceDetector.InputWidth, UltraFaceDetector.InputHeight))
            : new ImageDecoder(ImageLimits.Default);
        using var photo = new ImageDecoder().Decode(File.ReadAllBytes(Path.Combine(RepoLocations.DeepFace, "img1.jpg")));
        _frame = ImageTransforms.CoverJpeg(photo, 640, 480);
        _wide = ImageTransforms.CoverJpeg(photo, 1280, 720);
        _group = File.ReadAllBytes(Path.Combine(RepoLocations.FaceApiDemo, "sample4.jpg"));
    }

    [Benchmark]
    public int Frame640x480() => Analyze(_frame);

    [Benchmark]
    public int Frame1280x720() => Analyze(_wide);

    [Benchmark]
    public int FourFacePhoto() => Analyze(_group);

    [GlobalCleanup]
    public void Cleanup() => _models.Dispose();

    private int Analyze(byte[] jpeg)
    {
        using var image = _decoder.Decode(jpeg);
        return _pipeline.Analyze(image).Count;
    }
}

/// <summary>
/// The four faces of sample4.jpg analysed one at a time or side by side: the models' batch
/// dimension is fixed at 1 (input [1,3,112,112]), so several faces cannot share one run.
/// </summary>
[MemoryDiagnoser]
public class ParallelFacesBenchmarks
{
    private FaceModels _models = null!;
    private FacePipeline _pipeline = null!;
    private byte[] _group = null!;

    [Params(1, 2)]
    public int MaxParallelFaces { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _models = FaceModels.LoadPipeline(new FaceModelOptions { Directory = RepoLocations.Models });
        _pipeline = new FacePipeline(_models, new FacePipelineOptions { MaxParallelFaces = MaxParallelFaces });
        _group = File.ReadAllBytes(Path.Combine(RepoLocations.FaceApiDemo, "sample4.jpg"));
    }

    [Benchmark]
    public int FourFacePhoto() => _pipeline.Analyze(_group).Count;

    [GlobalCleanup]
    public void Cleanup() => _models.Dispose();
}

/// <summary>
/// The imaging work of one frame without the models, where region decoding makes its difference:
/// decode, draw the detector's 320x240 letterbox, and align each face (found once in setup) to 112x112.
/// </summary>
[MemoryDiagnoser]
public class FrameImagingBenchmarks
{
    private readonly Dictionary<string, (byte[] Jpeg, IReadOnlyList<System.Numerics.Vector2[]> Faces)> _frames = [];
    private ImageDecoder _decoder = null!;
    private readonly Shared.Faces.Alignment.FaceAligner _aligner = new();

    [Params(false, true)]
    public bool RegionDecoding { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        using var models = FaceModels.LoadPipeline(new FaceModelOptions { Directory = RepoLocations.Models });
        var pipeline = new FacePipeline(models, new FacePipelineOptions());
        _decoder = RegionDecoding
            ? new ImageDecoder(ImageLimits.Default, new SKSizeI(UltraFaceDetector.InputWidth, UltraFaceDetector.InputHeight))
            : new ImageDecoder(ImageLimits.Default);
        using var photo = new ImageDecoder().Decode(File.ReadAllBytes(Path.Combine(RepoLocations.DeepFace, "img1.jpg")));
        foreach (var (name, jpeg) in new[]
        {
            ("640x480", ImageTransforms.CoverJpeg(photo, 640, 480)),
            ("1280x720", ImageTransforms.CoverJpeg(photo, 1280, 720)),
            ("sample4", File.ReadAllBytes(Path.Combine(RepoLocations.FaceApiDemo, "sample4.jpg"))),
        })
        {
            _frames[name] = (jpeg, pipeline.Analyze(jpeg).Select(f => f.FivePoints.ToArray()).ToList());
        }
    }

    [Benchmark]
    public int Frame640x480() => Imaging("640x480");

    [Benchmark]
    public int Frame1280x720() => Imaging("1280x720");

    [Benchmark]
    public int FourFacePhoto() => Imaging("sample4");

    private int Imaging(string frame)
    {
        var (jpeg, faces) = _frames[frame];
        using var image = _decoder.Decode(jpeg);
        var letterbox = Letterbox.Fit(image.Width, image.Height, UltraFaceDetector.InputWidth, UltraFaceDetector.InputHeight);
        var detectorInput = ImageTransforms.Cover(image, (int)letterbox.Destination.Width, (int)letterbox.Destination.Height);
        var aligned = 0;
        foreach (var points in faces)
        {
            aligned += _aligner.Align(image, points).Size;
        }

        return detectorInput.Length + aligned;
    }
}
