namespace FacePortal.Shared.Imaging;

/// <summary>Encodes pixels we produced (aligned crops, annotated copies) for storage or display.</summary>
public static class ImageEncoder
{
    public static byte[] EncodeRgba(ReadOnlySpan<byte> rgba, int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png, int quality = 90)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var data = SKData.CreateCopy(rgba);
        using var image = SKImage.FromPixels(info, data, info.RowBytes);
        return Encode(image, format, quality);
    }

    public static byte[] Encode(DecodedImage image, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg, int quality = 90)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Encode(image.Image, format, quality);
    }

    internal static byte[] Encode(SKImage image, SKEncodedImageFormat format, int quality)
    {
        using var encoded = image.Encode(format, quality)
            ?? throw new InvalidOperationException($"Skia cannot encode {format}.");
        return encoded.ToArray();
    }
}
