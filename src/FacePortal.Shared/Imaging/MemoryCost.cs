namespace FacePortal.Shared.Imaging;

/// <summary>
/// What a decode will cost, from the header alone (before any pixel is decoded): the bytes the
/// decoded image keeps until it is disposed, and the bytes needed only while decoding. Estimates on
/// the generous side; they bound memory, they do not account for it exactly.
/// </summary>
internal static class MemoryCost
{
    private const long BytesPerPixel = 4; // RGBA

    /// <summary>
    /// A whole decode at <paramref name="working"/> size. Kept: the pixels plus the half-size levels
    /// the pyramid adds (a third more). While decoding: the encoded copy, an upright copy when EXIF
    /// turns the photo, and a full-size decode when the format cannot scale while decoding (PNG,
    /// WebP, BMP: only JPEG scales natively).
    /// </summary>
    public static (long Kept, long Passing) OfWhole(SKCodec codec, SKSizeI working, long encodedBytes)
    {
        var pixels = (long)working.Width * working.Height * BytesPerPixel;
        var kept = pixels + (pixels / 3);
        var passing = encodedBytes;
        if (codec.EncodedOrigin != SKEncodedOrigin.TopLeft)
        {
            passing += pixels;
        }

        var full = (long)codec.Info.Width * codec.Info.Height * BytesPerPixel;
        if (full > pixels && codec.EncodedFormat != SKEncodedImageFormat.Jpeg)
        {
            passing += full;
        }

        return (kept, passing);
    }

    /// <summary>
    /// A large JPEG decoded as a preview plus full-resolution regions on demand: the preview and its
    /// levels and the encoded file are kept, and room for the regions drawn at full resolution.
    /// </summary>
    public static (long Kept, long Passing) OfRegions(SKSizeI preview, long encodedBytes)
    {
        var pixels = (long)preview.Width * preview.Height * BytesPerPixel;
        return (2 * (pixels + encodedBytes), encodedBytes);
    }
}
