namespace FacePortal.Shared.Imaging;

/// <summary>
/// An upright RGBA image ready for the face pipeline. It may be smaller than the file's
/// pixels (see <see cref="ImageLimits.MaxWorkingSide"/>): <see cref="ScaleToOriginal"/>
/// maps working coordinates back to the original, upright image.
/// </summary>
public sealed class DecodedImage : IDisposable
{
    private readonly IImagePixels _pixels;

    internal DecodedImage(SKImage image, int originalWidth, int originalHeight, SKEncodedImageFormat format)
        : this(new ImagePyramid(image, ownsBase: true), image.Width, image.Height, originalWidth, originalHeight, format)
    {
    }

    internal DecodedImage(IImagePixels pixels, int width, int height, int originalWidth, int originalHeight, SKEncodedImageFormat format)
    {
        _pixels = pixels;
        Width = width;
        Height = height;
        OriginalWidth = originalWidth;
        OriginalHeight = originalHeight;
        Format = format;
    }

    /// <summary>The whole working image; a large JPEG decoded for detection only is decoded whole on first use.</summary>
    internal SKImage Image => _pixels.Whole;

    /// <summary>Where the pixels come from (a test looks at what a large JPEG decoded).</summary>
    internal IImagePixels Pixels => _pixels;

    public int Width { get; }

    public int Height { get; }

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
    internal void DrawTransformed(SKCanvas canvas, SKMatrix matrix) => _pixels.Draw(canvas, matrix);

    /// <summary>Tells the image which draws come next (the faces of a frame), so a large JPEG decodes their regions in one pass.</summary>
    internal void Prefetch(IReadOnlyList<ImageDraw> draws) => _pixels.Prefetch(draws);

    /// <summary>The decode memory this image holds in its decoder's budget, given back on dispose.</summary>
    internal DecodeMemoryLease? Lease { get; set; }

    public void Dispose()
    {
        _pixels.Dispose();
        Lease?.Dispose();
    }
}
