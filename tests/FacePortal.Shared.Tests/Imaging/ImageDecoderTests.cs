using System.Text;
using FacePortal.Shared.Imaging;
using FacePortal.Shared.Tests.Support;
using FacePortal.TestSupport;
using SkiaSharp;

namespace FacePortal.Shared.Tests.Imaging;

public sealed class ImageDecoderTests
{
    private readonly ImageDecoder _decoder = new();

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    [InlineData(SKEncodedImageFormat.Bmp)]
    public void Decodes_each_supported_format_with_its_pixels(SKEncodedImageFormat format)
    {
        using var image = _decoder.Decode(TestImages.HalfRedHalfBlue(64, 48, format));

        Assert.Equal((64, 48), (image.Width, image.Height));
        Assert.Equal(format, image.Format);
        var rgba = ImageTransforms.Cover(image, 64, 48);
        AssertColour(rgba, 64, 10, 24, SKColors.Red);
        AssertColour(rgba, 64, 54, 24, SKColors.Blue);
    }

    [Fact]
    public void Empty_input_is_refused_as_empty()
    {
        var ex = Assert.Throws<ImageDecodeException>(() => _decoder.Decode([]));
        Assert.Equal(ImageDecodeError.Empty, ex.Error);
    }

    [Fact]
    public void Text_file_named_jpg_is_refused_as_unsupported()
    {
        var ex = Assert.Throws<ImageDecodeException>(() => _decoder.Decode(Encoding.UTF8.GetBytes("name,face\nalice,yes\n")));
        Assert.Equal(ImageDecodeError.UnsupportedFormat, ex.Error);
        Assert.Contains("JPEG", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_jpeg_is_refused_as_corrupt()
    {
        var jpeg = File.ReadAllBytes(TestPaths.DeepFacePhoto("img1.jpg"));
        var ex = Assert.Throws<ImageDecodeException>(() => _decoder.Decode(jpeg.AsSpan(0, jpeg.Length / 2)));
        Assert.Equal(ImageDecodeError.Corrupt, ex.Error);
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompression_bomb_is_refused_from_its_header()
    {
        var ex = Assert.Throws<ImageDecodeException>(() => _decoder.Decode(FacePortal.TestSupport.PngBombs.Create(30000, 30000)));
        Assert.Equal(ImageDecodeError.TooManyPixels, ex.Error);
        Assert.Contains("30000x30000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_over_the_byte_limit_are_refused_before_decoding()
    {
        var decoder = new ImageDecoder(new ImageLimits { MaxBytes = 1000 });
        var ex = Assert.Throws<ImageDecodeException>(() => decoder.Decode(new MemoryStream(new byte[5000])));
        Assert.Equal(ImageDecodeError.TooManyBytes, ex.Error);
    }

    [Fact]
    public void Large_images_are_decoded_at_a_working_size_that_remembers_the_original()
    {
        var decoder = new ImageDecoder(new ImageLimits { MaxWorkingSide = 400 });
        using var image = decoder.Decode(TestImages.HalfRedHalfBlue(1600, 1200, SKEncodedImageFormat.Jpeg));

        Assert.True(image.Width <= 400 && image.Height <= 400, $"{image.Width}x{image.Height}");
        Assert.Equal((1600, 1200), (image.OriginalWidth, image.OriginalHeight));
        Assert.Equal(1600f / image.Width, image.ScaleToOriginal);
    }

    [Theory]
    [InlineData(1, 64, 48, false)]
    [InlineData(3, 64, 48, true)]
    [InlineData(6, 48, 64, false)]
    [InlineData(8, 48, 64, true)]
    public void Exif_orientation_makes_the_image_upright(ushort orientation, int width, int height, bool redAtBottomOrRight)
    {
        var jpeg = TestImages.WithExifOrientation(TestImages.HalfRedHalfBlue(64, 48, SKEncodedImageFormat.Jpeg), orientation);

        using var image = _decoder.Decode(jpeg);

        Assert.Equal((width, height), (image.Width, image.Height));
        var rgba = ImageTransforms.Cover(image, width, height);
        // Stored: red left, blue right. Rotated 90 degrees clockwise (6) red goes to the top; 270 (8) to the bottom.
        var (nearX, nearY, farX, farY) = width > height
            ? (8, height / 2, width - 8, height / 2)
            : (width / 2, 8, width / 2, height - 8);
        AssertColour(rgba, width, nearX, nearY, redAtBottomOrRight ? SKColors.Blue : SKColors.Red);
        AssertColour(rgba, width, farX, farY, redAtBottomOrRight ? SKColors.Red : SKColors.Blue);
    }

    private static void AssertColour(byte[] rgba, int width, int x, int y, SKColor expected)
    {
        var i = 4 * ((y * width) + x);
        var actual = new SKColor(rgba[i], rgba[i + 1], rgba[i + 2]);
        Assert.True(
            Math.Abs(actual.Red - expected.Red) < 40 && Math.Abs(actual.Green - expected.Green) < 40 && Math.Abs(actual.Blue - expected.Blue) < 40,
            $"pixel ({x},{y}) is {actual}, expected about {expected}");
    }
}
