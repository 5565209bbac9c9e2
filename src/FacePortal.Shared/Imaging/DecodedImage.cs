using SkiaSharp;

namespace FacePortal.Shared.Imaging;

/// <summary>
/// An upright RGBA image ready for the face pipeline. It may be smaller than the file's
/// pixels (see <see cref="ImageLimits.MaxWorkingSide"/>): <see cref="ScaleToOriginal"/>
/// maps working coordinates back to the original, upright image.
/// </summary>
public sealed class DecodedImage : IDisposable
{
    private readonly ImagePyramid _pyramid;

    internal DecodedImage(SKImage image, int originalWidth, int originalHeight, SKEncodedImageFormat format)
    {
        Image = image;
        OriginalWidth = originalWidth;
        OriginalHeight = originalHeight;
        Format = format;
        _pyramid = new ImagePyramid(image);
    }

    internal SKImage Image { get; }

    public int Width => Image.Width;

    public int Height => Image.Height;

    /// <summary>Upright width of the original file.</summary>
    public int OriginalWidth { get; }

    /// <summary>Upright height of the original file.</summary>
    public int OriginalHeight { get; }

    public SKEncodedImageFormat Format { get; }

    public float ScaleToOriginal => (float)OriginalWidth / Width;

    /// <summary>Wraps pixels already in memory (e.g. a test pattern or a camera frame) without encoding.</summary>
    public static DecodedImage FromBitmap(SKBitmap bitmap)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        var image = SKImage.FromBitmap(bitmap.Copy(SKColorType.Rgba8888));
        return new DecodedImage(image, image.Width, image.Height, SKEncodedImageFormat.Png);
    }

    /// <summary>
    /// Draws the image through <paramref name="matrix"/> (image to canvas coordinates) without
    /// aliasing: it samples the pyramid level whose residual scale is between 1/2 and 1, bilinearly.
    /// </summary>
    internal void DrawTransformed(SKCanvas canvas, SKMatrix matrix) => _pyramid.Draw(canvas, matrix);

    public void Dispose()
    {
        _pyramid.Dispose();
        Image.Dispose();
    }
}
