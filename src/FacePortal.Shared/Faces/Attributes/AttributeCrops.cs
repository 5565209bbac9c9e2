using FacePortal.Shared.Faces.Landmarks;

namespace FacePortal.Shared.Faces.Attributes;

/// <summary>
/// The crops the attribute models were given in the package's lib/*.js, in working-image pixels
/// (integer rectangles, as OpenCV's cv.Rect truncates them), and their drawing at model size.
/// </summary>
internal static class AttributeCrops
{
    /// <summary>
    /// age, gender, liveness ("align*Image"): the box scaled about its centre by <paramref name="scale"/>
    /// (less when the image is too small), slid back inside the image rather than cut.
    /// </summary>
    public static SKRectI ScaledBox(FaceBox box, float scale, int width, int height)
    {
        float x = (int)box.Left, y = (int)box.Top;
        float w = (int)box.Right - x, h = (int)box.Bottom - y;
        var s = Math.Min((height - 1) / h, Math.Min((width - 1) / w, scale));
        float newW = w * s, newH = h * s;
        float cx = (w / 2) + x, cy = (h / 2) + y;
        float left = cx - (newW / 2), top = cy - (newH / 2), right = cx + (newW / 2), bottom = cy + (newH / 2);
        if (left < 0)
        {
            right -= left;
            left = 0;
        }

        if (top < 0)
        {
            bottom -= top;
            top = 0;
        }

        if (right > width - 1)
        {
            left -= right - width + 1;
            right = width - 1;
        }

        if (bottom > height - 1)
        {
            top -= bottom - height + 1;
            bottom = height - 1;
        }

        var rx = Math.Max((int)left, 0);
        var ry = Math.Max((int)top, 0);
        return Clip(SKRectI.Create(rx, ry, Math.Min((int)(right - left), width - 1), Math.Min((int)(bottom - top), height - 1)), width, height);
    }

    /// <summary>pose: the box grown by a quarter of its size on every side.</summary>
    public static SKRectI Pose(FaceBox box, int width, int height)
    {
        int x1 = (int)box.Left, y1 = (int)box.Top, x2 = (int)box.Right, y2 = (int)box.Bottom;
        int w = Math.Abs(x2 - x1), h = Math.Abs(y2 - y1);
        int x11 = (int)(x1 - (w / 4f)), y11 = (int)(y1 - (h / 4f)), x22 = (int)(x2 + (w / 4f)), y22 = (int)(y2 + (h / 4f));
        return Clip(SKRectI.Create(Math.Max(x11, 0), Math.Max(y11, 0), Math.Min(x22 - x11, width), Math.Min(y22 - y11, height)), width, height);
    }

    /// <summary>expression: 1.2 times the box's size from its top-left corner (not centred: that is what the model saw).</summary>
    public static SKRectI Expression(FaceBox box, int width, int height)
    {
        int x1 = (int)box.Left, y1 = (int)box.Top;
        int w = Math.Abs((int)box.Right - x1), h = Math.Abs((int)box.Bottom - y1);
        return Clip(SKRectI.Create(x1, y1, Math.Min((int)(w * 1.2f), width - 1), Math.Min((int)(h * 1.2f), height - 1)), width, height);
    }

    /// <summary>eyes: a square 1.6 times the eye's corner-to-corner width, centred on the eyelid points; image-left eye first.</summary>
    public static (SKRectI Left, SKRectI Right) Eyes(FaceLandmarks landmarks, int width, int height)
    {
        var p = landmarks.Points;
        return (Eye(p, 36, 37, 38, 39, 40, 41, width, height), Eye(p, 42, 43, 44, 45, 46, 47, width, height));
    }

    private static SKRectI Eye(IReadOnlyList<System.Numerics.Vector2> p, int outer, int a, int b, int inner, int c, int d, int width, int height)
    {
        const float padding = 1.6f;
        var cx = (int)((p[a].X + p[b].X + p[c].X + p[d].X) / 4);
        var cy = (int)((p[a].Y + p[b].Y + p[c].Y + p[d].Y) / 4);
        var size = (int)((p[inner].X - p[outer].X) * padding);
        var x = Math.Max((int)(cx - (size / 2f)), 0);
        var y = Math.Max((int)(cy - (size / 2f)), 0);
        if (x + size >= width)
        {
            size = width - x - 1;
        }

        if (y + size >= height)
        {
            size = height - y - 1;
        }

        return Clip(SKRectI.Create(x, y, size, size), width, height);
    }

    private static SKRectI Clip(SKRectI rect, int width, int height)
    {
        var clipped = SKRectI.Intersect(rect, SKRectI.Create(0, 0, width, height));
        return clipped.Width > 0 && clipped.Height > 0 ? clipped : SKRectI.Empty;
    }

    /// <summary>The rectangle of the working image resized to size x size (as cv.resize, bilinear), RGBA bytes.</summary>
    public static byte[] Render(DecodedImage image, SKRectI source, int size)
    {
        if (source.Width <= 0 || source.Height <= 0)
        {
            throw new ArgumentException("The crop is empty.", nameof(source));
        }

        float sx = (float)size / source.Width, sy = (float)size / source.Height;
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Black);
            image.DrawTransformed(canvas, new SKMatrix(sx, 0, -source.Left * sx, 0, sy, -source.Top * sy, 0, 0, 1));
        }

        return bitmap.GetPixelSpan().ToArray();
    }
}
