namespace FacePortal.Shared.Imaging;

/// <summary>
/// Half-resolution levels of an image, built lazily by 2x2 averaging and kept for the
/// image's lifetime. Skia's own mipmaps are rebuilt on every draw of a raster image,
/// which cost more than the detector itself; these are built once and shared by the
/// detector, landmark and alignment draws of one frame.
/// </summary>
/// <param name="ownsBase">Whether disposing the pyramid disposes <paramref name="baseImage"/> too.</param>
internal sealed class ImagePyramid(SKImage baseImage, bool ownsBase = false) : IImagePixels
{
    internal static readonly SKSamplingOptions Bilinear = new(SKFilterMode.Linear, SKMipmapMode.None);

    private readonly List<SKImage> _levels = [baseImage];
    private readonly Lock _gate = new();

    public SKImage Whole => baseImage;

    /// <summary>The largest shrink of <paramref name="matrix"/> along either axis (1 = same size, 0.5 = half).</summary>
    internal static float ShrinkOf(SKMatrix matrix) => Math.Min(
        MathF.Sqrt((matrix.ScaleX * matrix.ScaleX) + (matrix.SkewY * matrix.SkewY)),
        MathF.Sqrt((matrix.SkewX * matrix.SkewX) + (matrix.ScaleY * matrix.ScaleY)));

    /// <summary>Nothing to ready: every pixel is decoded already.</summary>
    public void Prefetch(IReadOnlyList<ImageDraw> draws)
    {
    }

    public void Draw(SKCanvas canvas, SKMatrix matrix)
    {
        // The largest shrink along either axis decides the level.
        var scale = ShrinkOf(matrix);
        var level = 0;
        while (scale * (1 << (level + 1)) <= 1.0001f && Math.Min(baseImage.Width, baseImage.Height) >> (level + 1) >= 8)
        {
            level++;
        }

        var image = Level(level);
        var factor = (float)(1 << level);
        canvas.Save();
        canvas.SetMatrix(matrix.PreConcat(SKMatrix.CreateScale(factor, factor)));
        canvas.DrawImage(image, 0, 0, Bilinear);
        canvas.Restore();
    }

    private SKImage Level(int level)
    {
        lock (_gate)
        {
            while (_levels.Count <= level)
            {
                _levels.Add(Halve(_levels[^1]));
            }

            return _levels[level];
        }
    }

    private static unsafe SKImage Halve(SKImage source)
    {
        using var pixmap = source.PeekPixels() ?? throw new InvalidOperationException("Pyramid levels need raster images.");
        var w = source.Width / 2;
        var h = source.Height / 2;
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var srcStride = pixmap.RowBytes;
        var dstStride = info.RowBytes;
        var src = (byte*)pixmap.GetPixels();
        var dst = (byte*)bitmap.GetPixels();
        for (var y = 0; y < h; y++)
        {
            var row0 = src + (2 * y * srcStride);
            var row1 = row0 + srcStride;
            var outRow = dst + (y * dstStride);
            for (var x = 0; x < w; x++)
            {
                var a = row0 + (8 * x);
                var b = row1 + (8 * x);
                var o = outRow + (4 * x);
                o[0] = (byte)((a[0] + a[4] + b[0] + b[4] + 2) >> 2);
                o[1] = (byte)((a[1] + a[5] + b[1] + b[5] + 2) >> 2);
                o[2] = (byte)((a[2] + a[6] + b[2] + b[6] + 2) >> 2);
                o[3] = (byte)((a[3] + a[7] + b[3] + b[7] + 2) >> 2);
            }
        }

        bitmap.SetImmutable();
        var image = SKImage.FromBitmap(bitmap);
        bitmap.Dispose();
        return image;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var level in _levels.Skip(ownsBase ? 0 : 1))
            {
                level.Dispose();
            }

            _levels.RemoveRange(1, _levels.Count - 1);
        }
    }
}
