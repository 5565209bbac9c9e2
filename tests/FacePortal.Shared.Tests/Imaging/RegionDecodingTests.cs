using FacePortal.Shared.Faces;
using FacePortal.Shared.Faces.Detection;
using FacePortal.Shared.Faces.Embeddings;
using FacePortal.Shared.Imaging;
using FacePortal.Shared.Tests.Support;
using SkiaSharp;

namespace FacePortal.Shared.Tests.Imaging;

/// <summary>Large JPEGs decoded at the detector's scale, and at full resolution only where a draw needs it.</summary>
[Collection(PipelineCollection.Name)]
public sealed class RegionDecodingTests(PipelineFixture fixture)
{
    private static readonly SKSizeI Detection = new(UltraFaceDetector.InputWidth, UltraFaceDetector.InputHeight);

    private readonly ImageDecoder _lazy = new(ImageLimits.Default, Detection);
    private readonly ImageDecoder _eager = new();

    [Fact]
    public void A_1280x720_jpeg_is_decoded_whole_only_at_a_quarter()
    {
        using var image = _lazy.Decode(Frame(1280, 720));

        var pixels = Assert.IsType<JpegRegionPixels>(image.Pixels);
        Assert.Equal(new SKSizeI(320, 180), pixels.PreviewSize);
        Assert.Equal((1280, 720), (image.Width, image.Height));
        Assert.Equal(1f, image.ScaleToOriginal);
    }

    [Theory]
    [InlineData(640, 480)]
    [InlineData(960, 720)]
    public void Frames_under_four_times_the_detector_input_are_decoded_whole(int width, int height)
    {
        using var image = _lazy.Decode(Frame(width, height));

        Assert.IsNotType<JpegRegionPixels>(image.Pixels);
    }

    [Fact]
    public void A_photo_with_an_exif_rotation_is_decoded_whole()
    {
        using var image = _lazy.Decode(TestImages.StoredSidewaysWithExif(Frame(1920, 1080)));

        Assert.IsNotType<JpegRegionPixels>(image.Pixels);
    }

    [Fact]
    public void A_region_drawn_at_full_scale_has_exactly_the_pixels_of_a_full_decode()
    {
        var jpeg = Frame(1280, 720);
        using var lazy = _lazy.Decode(jpeg);
        using var eager = _eager.Decode(jpeg);
        var region = SKMatrix.CreateTranslation(-500, -200);

        var fromRegion = Draw(lazy, 200, 150, region);
        var fromWhole = Draw(eager, 200, 150, region);

        Assert.Equal(fromWhole, fromRegion);
        Assert.Equal(1, ((JpegRegionPixels)lazy.Pixels).TileCount);
    }

    [Fact]
    public void The_whole_image_is_still_there_for_thumbnails_and_annotations()
    {
        var jpeg = Frame(1280, 720);
        using var lazy = _lazy.Decode(jpeg);
        using var eager = _eager.Decode(jpeg);

        Assert.Equal(Draw(eager, 1280, 720, SKMatrix.Identity), Draw(lazy, 1280, 720, SKMatrix.Identity));
        Assert.Equal(ImageEncoder.Encode(eager, SKEncodedImageFormat.Png), ImageEncoder.Encode(lazy, SKEncodedImageFormat.Png));
    }

    [Theory]
    [InlineData("frame")]
    [InlineData("sample4.jpg")]
    [InlineData("img1.jpg")]
    public void Faces_are_the_same_as_from_a_full_decode(string source)
    {
        var jpeg = source switch
        {
            "frame" => Frame(1280, 720),
            "img1.jpg" => File.ReadAllBytes(TestPaths.DeepFacePhoto(source)),
            _ => File.ReadAllBytes(Path.Combine(TestPaths.FaceApiDemo, source)),
        };
        using var lazy = _lazy.Decode(jpeg);
        using var eager = _eager.Decode(jpeg);
        Assert.IsType<JpegRegionPixels>(lazy.Pixels);

        var fromRegions = fixture.Pipeline.Analyze(lazy);
        var fromWhole = fixture.Pipeline.Analyze(eager);

        Assert.Equal(fromWhole.Count, fromRegions.Count);
        for (var i = 0; i < fromWhole.Count; i++)
        {
            Assert.Equal(fromWhole[i].Box.CenterX, fromRegions[i].Box.CenterX, fromWhole[i].Box.Width * 0.03f);
            Assert.Equal(fromWhole[i].Box.CenterY, fromRegions[i].Box.CenterY, fromWhole[i].Box.Height * 0.03f);
            var similarity = EmbeddingMath.CosineSimilarity(fromWhole[i].Embedding, fromRegions[i].Embedding);
            Assert.True(similarity > 0.98f, $"face {i}: cosine {similarity:0.0000}");
        }
    }

    [Fact]
    public void The_faces_of_a_group_photo_are_decoded_in_one_pass_per_stage_not_one_per_face()
    {
        using var image = _lazy.Decode(File.ReadAllBytes(Path.Combine(TestPaths.FaceApiDemo, "sample4.jpg")));

        var faces = fixture.Pipeline.Analyze(image);

        Assert.Equal(4, faces.Count);
        Assert.InRange(((JpegRegionPixels)image.Pixels).TileCount, 1, 2);
    }

    [Fact]
    public void The_pipeline_decodes_large_jpegs_this_way()
    {
        using var image = fixture.Pipeline.Decoder.Decode(Frame(1280, 720));

        Assert.IsType<JpegRegionPixels>(image.Pixels);
    }

    private static byte[] Frame(int width, int height)
    {
        using var photo = new ImageDecoder().Decode(File.ReadAllBytes(TestPaths.DeepFacePhoto("img1.jpg")));
        return ImageTransforms.CoverJpeg(photo, width, height);
    }

    private static unsafe byte[] Draw(DecodedImage image, int width, int height, SKMatrix matrix)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var rgba = new byte[info.BytesSize];
        fixed (byte* pixels = rgba)
        {
            using var surface = SKSurface.Create(info, (IntPtr)pixels, info.RowBytes);
            image.DrawTransformed(surface.Canvas, matrix);
            surface.Canvas.Flush();
        }

        return rgba;
    }
}
