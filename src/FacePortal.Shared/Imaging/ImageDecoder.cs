namespace FacePortal.Shared.Imaging;

/// <summary>
/// Decodes JPEG, PNG, WebP and BMP safely: limits first, then pixels, then EXIF orientation.
/// Given the size the detector draws whole images at, a JPEG at least four times that size is
/// decoded whole only at that reduced scale, and at full resolution only around what is drawn
/// finer later (the faces; see <see cref="JpegRegionPixels"/>).
/// </summary>
public sealed class ImageDecoder(ImageLimits limits, SKSizeI? detectionSize = null)
{
    private static readonly HashSet<SKEncodedImageFormat> SupportedFormats =
    [
        SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Png, SKEncodedImageFormat.Webp, SKEncodedImageFormat.Bmp,
    ];

    /// <summary>A decode does not wait for the budget: the caller is told to come back (429), rather than a request thread held.</summary>
    private static readonly TimeSpan BudgetPatience = TimeSpan.Zero;

    /// <summary>What a refused caller is told to wait: about what one large photo takes to analyse.</summary>
    private static readonly TimeSpan BudgetRetryAfter = TimeSpan.FromSeconds(2);

    public ImageDecoder() : this(ImageLimits.Default)
    {
    }

    public ImageLimits Limits { get; } = limits;

    /// <summary>The memory bound shared by every decode of this decoder (one decoder serves the whole web app).</summary>
    public DecodeMemoryBudget Budget { get; } = new(limits.DecodeMemoryBudgetBytes);

    public DecodedImage Decode(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek && stream.Length - stream.Position > Limits.MaxBytes)
        {
            throw TooManyBytes();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > Limits.MaxBytes)
            {
                throw TooManyBytes();
            }

            buffer.Write(chunk, 0, read);
        }

        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    public DecodedImage Decode(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            throw new ImageDecodeException(ImageDecodeError.Empty, "The file is empty.");
        }

        if (data.Length > Limits.MaxBytes)
        {
            throw TooManyBytes();
        }

        using var encoded = SKData.CreateCopy(data);
        using var codec = SKCodec.Create(encoded);
        if (codec is null || !SupportedFormats.Contains(codec.EncodedFormat))
        {
            throw new ImageDecodeException(
                ImageDecodeError.UnsupportedFormat,
                "The file is not an image we can read. Use JPEG, PNG, WebP or BMP.");
        }

        var header = codec.Info;
        if (header.Width <= 0 || header.Height <= 0 || (long)header.Width * header.Height > Limits.MaxPixels)
        {
            throw new ImageDecodeException(
                ImageDecodeError.TooManyPixels,
                $"The image is {header.Width}x{header.Height} pixels; the limit is {Limits.MaxPixels / 1_000_000} megapixels.");
        }

        var size = WorkingSize(codec);
        var eighths = detectionSize is { } detection && codec.EncodedFormat == SKEncodedImageFormat.Jpeg && codec.EncodedOrigin == SKEncodedOrigin.TopLeft
            ? JpegRegionPixels.PreviewEighths(header.Size, size, detection)
            : null;
        var (kept, passing) = eighths is { } e
            ? MemoryCost.OfRegions(codec.GetScaledDimensions(e / 8f), data.Length)
            : MemoryCost.OfWhole(codec, size, data.Length);
        var lease = Budget.TryReserve(kept + passing, BudgetPatience)
            ?? throw new DecodeMemoryBudgetException(kept + passing, Budget.CapacityBytes, BudgetRetryAfter);
        try
        {
            var decoded = DecodeReserved(data, codec, header, size, eighths);
            lease.ShrinkTo(kept);
            decoded.Lease = lease;
            return decoded;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    private static DecodedImage DecodeReserved(ReadOnlySpan<byte> data, SKCodec codec, SKImageInfo header, SKSizeI size, int? eighths)
    {
        if (eighths is { } e)
        {
            var previewSize = codec.GetScaledDimensions(e / 8f);
            var previewInfo = new SKImageInfo(previewSize.Width, previewSize.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
            using var preview = new SKBitmap(previewInfo);
            DecodePixels(codec, preview, previewInfo);
            preview.SetImmutable();
            var pixels = JpegRegionPixels.Create(SKData.CreateCopy(data), size, SKImage.FromBitmap(preview));
            return new DecodedImage(pixels, size.Width, size.Height, header.Width, header.Height, codec.EncodedFormat);
        }

        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        try
        {
            DecodePixels(codec, bitmap, info);
            var upright = ApplyOrigin(bitmap, codec.EncodedOrigin);
            if (!ReferenceEquals(upright, bitmap))
            {
                bitmap.Dispose();
                bitmap = upright;
            }

            bitmap.SetImmutable();
            var swapsAxes = SwapsAxes(codec.EncodedOrigin);
            var image = SKImage.FromBitmap(bitmap);
            return new DecodedImage(
                image,
                swapsAxes ? header.Height : header.Width,
                swapsAxes ? header.Width : header.Height,
                codec.EncodedFormat);
        }
        finally
        {
            bitmap?.Dispose();
        }
    }

    private SKSizeI WorkingSize(SKCodec codec)
    {
        var header = codec.Info.Size;
        var longSide = Math.Max(header.Width, header.Height);
        if (longSide <= Limits.MaxWorkingSide)
        {
            return header;
        }

        // The codec rounds to a scale it supports natively (1/8 steps for JPEG); anything it
        // cannot scale, it decodes at full size and Skia's scaled GetPixels resamples.
        var scaled = codec.GetScaledDimensions((float)Limits.MaxWorkingSide / longSide);
        return scaled.Width > 0 && scaled.Height > 0 ? scaled : header;
    }

    private static void DecodePixels(SKCodec codec, SKBitmap bitmap, SKImageInfo info)
    {
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.InvalidScale)
        {
            using var full = new SKBitmap(codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
            result = codec.GetPixels(full.Info, full.GetPixels());
            if (result == SKCodecResult.Success && !full.ScalePixels(bitmap, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)))
            {
                result = SKCodecResult.InternalError;
            }
        }

        if (result != SKCodecResult.Success)
        {
            // IncompleteInput (a truncated file) included: a half-grey photo would silently enrol a bad face.
            throw new ImageDecodeException(
                ImageDecodeError.Corrupt,
                result == SKCodecResult.IncompleteInput
                    ? "The image file is truncated."
                    : "The image file is damaged and cannot be decoded.");
        }
    }

    private static bool SwapsAxes(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>Rotates/mirrors the stored pixels so that the result is upright, as EXIF orientation asks.</summary>
    internal static SKBitmap ApplyOrigin(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return source;
        }

        float w = source.Width, h = source.Height;
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };

        var swaps = SwapsAxes(origin);
        var upright = new SKBitmap(new SKImageInfo(
            swaps ? source.Height : source.Width,
            swaps ? source.Width : source.Height,
            source.ColorType,
            source.AlphaType));
        using var canvas = new SKCanvas(upright);
        canvas.SetMatrix(matrix);
        canvas.DrawBitmap(source, 0, 0);
        return upright;
    }

    private ImageDecodeException TooManyBytes() => new(
        ImageDecodeError.TooManyBytes,
        $"The file is larger than the {Limits.MaxBytes / (1024 * 1024)} MB limit.");
}
