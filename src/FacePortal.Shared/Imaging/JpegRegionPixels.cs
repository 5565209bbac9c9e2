namespace FacePortal.Shared.Imaging;

/// <summary>
/// A large JPEG decoded where it is drawn. Only a preview just big enough for the detector's
/// letterbox is decoded whole (JPEG's DCT scaling makes that a fraction of a full decode); a draw
/// that needs finer pixels (the landmark crop and the aligned face) decodes only the rows and
/// columns it shows, at the coarsest 1/8 scale that is still fine enough, and keeps them for the
/// next draw they cover. Everything else (thumbnails, annotated copies) gets the whole working image,
/// decoded on first use exactly as the eager path would have.
/// </summary>
internal sealed class JpegRegionPixels : IImagePixels
{
    private const int Margin = 4;

    private readonly SKData _data;
    private readonly SKSizeI _working;
    private readonly SKSizeI[] _scaledSizes = new SKSizeI[9];
    private readonly ImagePyramid _preview;
    private readonly List<Tile> _tiles = [];
    private readonly Lock _gate = new();
    private ImagePyramid? _whole;

    private JpegRegionPixels(SKData data, SKSizeI working, SKImage preview)
    {
        _data = data;
        _working = working;
        _preview = new ImagePyramid(preview, ownsBase: true);
        PreviewSize = new SKSizeI(preview.Width, preview.Height);
    }

    public SKSizeI PreviewSize { get; }

    /// <summary>Decoded tiles so far, for tests and benchmarks to see what was decoded.</summary>
    internal int TileCount
    {
        get
        {
            lock (_gate)
            {
                return _tiles.Count;
            }
        }
    }

    public SKImage Whole => WholePyramid.Whole;

    private ImagePyramid WholePyramid
    {
        get
        {
            lock (_gate)
            {
                return _whole ??= new ImagePyramid(DecodeWhole(), ownsBase: true);
            }
        }
    }

    /// <summary>
    /// The eighths of the original size to decode the preview at, when that saves most of the work
    /// (the preview is at most a quarter of the working size each way); null when a full decode is as good.
    /// </summary>
    public static int? PreviewEighths(SKSizeI original, SKSizeI working, SKSizeI detection)
    {
        var workingScale = (float)working.Width / original.Width;
        var letterbox = Math.Min((float)detection.Width / working.Width, (float)detection.Height / working.Height);
        var eighths = Math.Clamp((int)MathF.Ceiling(letterbox * workingScale * 8 - 1e-4f), 1, 8);
        return eighths / 8f <= workingScale / 4 ? eighths : null;
    }

    /// <summary>Takes ownership of <paramref name="data"/> and <paramref name="preview"/>.</summary>
    public static JpegRegionPixels Create(SKData data, SKSizeI working, SKImage preview) => new(data, working, preview);

    public void Draw(SKCanvas canvas, SKMatrix matrix)
    {
        var plan = Plan(matrix, canvas.DeviceClipBounds);
        if (plan is null)
        {
            return;
        }

        if (plan.Value.Eighths == 0)
        {
            var previewX = (float)PreviewSize.Width / _working.Width;
            var previewY = (float)PreviewSize.Height / _working.Height;
            _preview.Draw(canvas, matrix.PreConcat(SKMatrix.CreateScale(1 / previewX, 1 / previewY)));
            return;
        }

        var tile = TileFor(plan.Value.Eighths, plan.Value.Shown);
        if (tile is null)
        {
            WholePyramid.Draw(canvas, matrix);
            return;
        }

        var size = ScaledSize(tile.Eighths);
        var toTile = SKMatrix.CreateScale((float)_working.Width / size.Width, (float)_working.Height / size.Height)
            .PreConcat(SKMatrix.CreateTranslation(tile.Rect.Left, tile.Rect.Top));
        canvas.Save();
        canvas.SetMatrix(matrix.PreConcat(toTile));
        canvas.DrawImage(tile.Image, 0, 0, ImagePyramid.Bilinear);
        canvas.Restore();
    }

    /// <summary>
    /// Decodes the regions of several draws as one tile, in one pass (the entropy-coded rows above a
    /// region are read for every region decoded), when one scale serves them all without aliasing.
    /// </summary>
    public void Prefetch(IReadOnlyList<ImageDraw> draws)
    {
        ArgumentNullException.ThrowIfNull(draws);
        var plans = draws.Select(d => Plan(d.Matrix, d.Canvas)).OfType<DrawPlan>().Where(p => p.Eighths > 0).ToList();
        if (plans.Count < 2)
        {
            return;
        }

        var eighths = plans.Max(p => p.Eighths);
        if (plans.Any(p => !Serves(eighths, p.Eighths)))
        {
            return;
        }

        var union = plans.Select(p => p.Shown).Aggregate(SKRect.Union);
        TileFor(eighths, union);
    }

    private SKSizeI Original => ScaledSize(8);

    /// <summary>
    /// What a draw needs: nothing (it misses the image), the preview (eighths 0), or a region of the
    /// working image (shown) decoded at the coarsest eighth of the original that is fine enough.
    /// </summary>
    private DrawPlan? Plan(SKMatrix matrix, SKRect canvas)
    {
        var need = ImagePyramid.ShrinkOf(matrix);
        var previewX = (float)PreviewSize.Width / _working.Width;
        var previewY = (float)PreviewSize.Height / _working.Height;
        if (need <= Math.Min(previewX, previewY) * 1.0001f)
        {
            return new DrawPlan(0, default);
        }

        if (!matrix.TryInvert(out var inverse))
        {
            return null;
        }

        var shown = inverse.MapRect(canvas);
        if (!shown.IntersectsWith(new SKRect(0, 0, _working.Width, _working.Height)))
        {
            return null;
        }

        var workingScale = (float)_working.Width / Original.Width;
        return new DrawPlan(Math.Clamp((int)MathF.Ceiling((need * workingScale * 8) - 1e-4f), 1, 8), shown);
    }

    /// <summary>A tile decoded at <paramref name="tileEighths"/> serves a draw needing <paramref name="eighths"/> if it is at most twice as fine (bilinear sampling does not alias down to half).</summary>
    private static bool Serves(int tileEighths, int eighths) => tileEighths >= eighths && tileEighths <= 2 * eighths;

    private SKSizeI ScaledSize(int eighths)
    {
        lock (_gate)
        {
            if (_scaledSizes[eighths].IsEmpty)
            {
                using var codec = SKCodec.Create(_data);
                _scaledSizes[eighths] = eighths == 8 ? codec.Info.Size : codec.GetScaledDimensions(eighths / 8f);
            }

            return _scaledSizes[eighths];
        }
    }

    /// <summary>The pixels of <paramref name="shown"/> (working coordinates) in that scale's coordinates, with a margin for bilinear sampling.</summary>
    private SKRectI RegionAt(int eighths, SKRect shown, int margin)
    {
        var size = ScaledSize(eighths);
        var sx = (float)size.Width / _working.Width;
        var sy = (float)size.Height / _working.Height;
        return SKRectI.Intersect(
            new SKRectI(
                (int)MathF.Floor(shown.Left * sx) - margin,
                (int)MathF.Floor(shown.Top * sy) - margin,
                (int)MathF.Ceiling(shown.Right * sx) + margin,
                (int)MathF.Ceiling(shown.Bottom * sy) + margin),
            new SKRectI(0, 0, size.Width, size.Height));
    }

    /// <summary>A decoded tile fine enough for a draw needing that scale and covering <paramref name="shown"/>; null if the codec cannot decode regions.</summary>
    private Tile? TileFor(int eighths, SKRect shown)
    {
        lock (_gate)
        {
            var cached = _tiles.FirstOrDefault(t => Serves(t.Eighths, eighths) && t.Rect.Contains(RegionAt(t.Eighths, shown, 1)));
            if (cached is not null)
            {
                return cached;
            }

            var region = RegionAt(eighths, shown, Margin);
            var image = DecodeRegion(ScaledSize(eighths), region);
            if (image is null)
            {
                return null;
            }

            var tile = new Tile(eighths, region, image);
            _tiles.Add(tile);
            return tile;
        }
    }

    private SKImage? DecodeRegion(SKSizeI size, SKRectI region)
    {
        using var codec = SKCodec.Create(_data);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);

        // Skia's scanline decoder takes a column range (libjpeg-turbo's crop); rows are skipped, not decoded to pixels.
        if (codec.StartScanlineDecode(info, new SKCodecOptions(new SKRectI(region.Left, 0, region.Right, size.Height))) != SKCodecResult.Success)
        {
            return null;
        }

        var bitmap = new SKBitmap(new SKImageInfo(region.Width, region.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (!codec.SkipScanlines(region.Top) || codec.GetScanlines(bitmap.GetPixels(), region.Height, bitmap.RowBytes) != region.Height)
        {
            bitmap.Dispose();
            return null;
        }

        bitmap.SetImmutable();
        var image = SKImage.FromBitmap(bitmap);
        bitmap.Dispose();
        return image;
    }

    private SKImage DecodeWhole()
    {
        using var codec = SKCodec.Create(_data);
        var info = new SKImageInfo(_working.Width, _working.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();

            // The preview decode read the whole entropy-coded stream already, so this is not expected.
            throw new ImageDecodeException(ImageDecodeError.Corrupt, "The image file is damaged and cannot be decoded.");
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
            foreach (var tile in _tiles)
            {
                tile.Image.Dispose();
            }

            _tiles.Clear();
            _whole?.Dispose();
            _preview.Dispose();
            _data.Dispose();
        }
    }

    private sealed record Tile(int Eighths, SKRectI Rect, SKImage Image);

    private readonly record struct DrawPlan(int Eighths, SKRect Shown);
}
