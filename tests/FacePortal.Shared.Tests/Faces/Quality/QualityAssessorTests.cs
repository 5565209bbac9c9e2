using FacePortal.Shared.Faces.Quality;
using FacePortal.Shared.Tests.Support;
using SkiaSharp;

namespace FacePortal.Shared.Tests.Faces.Quality;

[Collection(PipelineCollection.Name)]
public sealed class QualityAssessorTests(PipelineFixture fixture)
{
    [Fact]
    public void Blurring_a_photo_lowers_sharpness_and_keeps_the_rest()
    {
        var original = File.ReadAllBytes(TestPaths.DeepFacePhoto("img1.jpg"));
        var sharp = Assert.Single(fixture.Pipeline.Analyze(original)).Quality;
        var blurred = Assert.Single(fixture.Pipeline.Analyze(Blur(original, 6))).Quality;

        Assert.True(blurred.Sharpness < sharp.Sharpness / 3, $"sharp {sharp.Sharpness}, blurred {blurred.Sharpness}");
        Assert.Equal(sharp.Brightness, blurred.Brightness, 15f);
        Assert.Equal(sharp.SizePixels, blurred.SizePixels, sharp.SizePixels * 0.15f);
    }

    [Fact]
    public void Frontal_faces_score_high_and_signals_are_in_range()
    {
        var quality = Assert.Single(fixture.AnalyzeFile(TestPaths.DeepFacePhoto("img1.jpg"))).Quality;

        Assert.InRange(quality.Frontalness, 0.6f, 1f);
        Assert.InRange(quality.Brightness, 20f, 235f);
        Assert.InRange(Math.Abs(quality.RollDegrees), 0f, 20f);
        Assert.True(quality.SizePixels > 100);
    }

    [Fact]
    public void Laplacian_variance_is_zero_on_flat_images_and_positive_on_edges()
    {
        var flat = Enumerable.Repeat(128f, 16 * 16).ToArray();
        var edges = Enumerable.Range(0, 16 * 16).Select(i => (i % 2) * 255f).ToArray();

        Assert.Equal(0f, QualityAssessor.LaplacianVariance(flat, 16));
        Assert.True(QualityAssessor.LaplacianVariance(edges, 16) > 1000);
    }

    private static byte[] Blur(byte[] jpeg, float sigma)
    {
        using var source = SKBitmap.Decode(jpeg);
        using var surface = SKSurface.Create(new SKImageInfo(source.Width, source.Height));
        using var paint = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(sigma, sigma) };
        surface.Canvas.DrawBitmap(source, 0, 0, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }
}
