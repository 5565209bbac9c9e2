namespace FacePortal.Shared.Imaging;

/// <summary>Whole-image resampling for frames we make ourselves (benchmarks, test webcams, thumbnails).</summary>
public static class ImageTransforms
{
    /// <summary>Scales the image to cover width x height and crops the centre, as a camera frame of that size would look. Returns RGBA.</summary>
    public static unsafe byte[] Cover(DecodedImage image, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        var scale = Math.Max((float)width / image.Width, (float)height / image.Height);
        var w = image.Width * scale;
        var h = image.Height * scale;
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var rgba = new byte[info.BytesSize];
        fixed (byte* pixels = rgba)
        {
            using var surface = SKSurface.Create(info, (IntPtr)pixels, info.RowBytes);
            image.DrawTransformed(surface.Canvas, new SKMatrix(scale, 0, (width - w) / 2, 0, scale, (height - h) / 2, 0, 0, 1));
            surface.Canvas.Flush();
        }

        return rgba;
    }

    /// <summary><see cref="Cover"/>, encoded as JPEG.</summary>
    public static byte[] CoverJpeg(DecodedImage image, int width, int height, int quality = 90) =>
        ImageEncoder.EncodeRgba(Cover(image, width, height), width, height, SKEncodedImageFormat.Jpeg, quality);

    /// <summary>The whole image scaled so its longer side is at most <paramref name="maxSide"/>, as JPEG (a preview or thumbnail).</summary>
    public static byte[] ThumbnailJpeg(DecodedImage image, int maxSide, int quality = 85)
    {
        ArgumentNullException.ThrowIfNull(image);
        var scale = Math.Min(1f, (float)maxSide / Math.Max(image.Width, image.Height));
        return CoverJpeg(image, Math.Max(1, (int)(image.Width * scale)), Math.Max(1, (int)(image.Height * scale)), quality);
    }
}
