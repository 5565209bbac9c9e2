using FacePortal.Shared.Faces.Alignment;
using SkiaSharp;

namespace FacePortal.Training.Augmentation;

/// <summary>
/// Random, seeded variations of an aligned face: flip, rotation, scale and shift, brightness,
/// contrast, saturation, blur and a synthetic mask. The same <see cref="Random"/> state gives the
/// same bytes, so a job can be repeated exactly.
/// </summary>
public static class FaceAugmenter
{
    private static readonly SKColor[] MaskColours = [new(0xE8, 0xF1, 0xF8), new(0x9C, 0xC3, 0xE6), new(0x30, 0x30, 0x34), new(0xF5, 0xF5, 0xF5)];

    public static AlignedFace Augment(AlignedFace face, AugmentationOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(face);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);

        // Draw every random number up front and in a fixed order, so each switch changes only its own effect.
        var flip = random.NextDouble() < options.FlipProbability;
        var angle = Uniform(random, options.MaxRotationDegrees);
        var scale = 1 + Uniform(random, options.MaxScale);
        var shiftX = Uniform(random, options.MaxShift) * face.Size;
        var shiftY = Uniform(random, options.MaxShift) * face.Size;
        var brightness = Uniform(random, options.MaxBrightness) * 255;
        var contrast = 1 + Uniform(random, options.MaxContrast);
        var saturation = 1 + Uniform(random, options.MaxSaturation);
        var blur = random.NextDouble() < options.BlurProbability ? 0.3 + (random.NextDouble() * (options.MaxBlurSigma - 0.3)) : 0;
        var mask = random.NextDouble() < options.MaskProbability;
        var maskColour = MaskColours[random.Next(MaskColours.Length)];

        var size = face.Size;
        var centre = size / 2f;
        var matrix = SKMatrix.CreateTranslation(-centre, -centre)
            .PostConcat(SKMatrix.CreateScale(flip ? -(float)scale : (float)scale, (float)scale))
            .PostConcat(SKMatrix.CreateRotationDegrees((float)angle))
            .PostConcat(SKMatrix.CreateTranslation(centre + (float)shiftX, centre + (float)shiftY));

        var info = new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var source = SKImage.FromPixelCopy(info, face.Rgba.Span);
        using var target = new SKBitmap(info);
        using (var canvas = new SKCanvas(target))
        {
            canvas.Clear(SKColors.Black);
            canvas.SetMatrix(matrix);
            using var paint = new SKPaint();
            if (blur > 0)
            {
                paint.ImageFilter = SKImageFilter.CreateBlur((float)blur, (float)blur);
            }

            canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), paint);
            if (mask)
            {
                DrawMask(canvas, maskColour);
            }
        }

        var rgba = target.GetPixelSpan().ToArray();
        AdjustColours(rgba, brightness, contrast, saturation);
        return new AlignedFace(rgba, size);
    }

    /// <summary>
    /// A surgical-style mask from the bridge of the nose to the chin, in template coordinates: the
    /// canvas matrix moves it with the face, and the template is symmetric, so a flip needs nothing more.
    /// </summary>
    public static void DrawMask(SKCanvas canvas, SKColor colour)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var points = ArcFaceTemplate.Points;
        var nose = points[2];
        var left = Math.Min(points[3].X, points[4].X);
        var right = Math.Max(points[3].X, points[4].X);
        var mouthY = (points[3].Y + points[4].Y) / 2;
        using var path = new SKPath();
        path.MoveTo(left - 22, nose.Y - 8);
        path.QuadTo((left + right) / 2, nose.Y - 18, right + 22, nose.Y - 8);
        path.LineTo(right + 18, mouthY + 14);
        path.QuadTo((left + right) / 2, mouthY + 38, left - 18, mouthY + 14);
        path.Close();
        using var fill = new SKPaint { Color = colour, IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.DrawPath(path, fill);
    }

    private static void AdjustColours(byte[] rgba, double brightness, double contrast, double saturation)
    {
        if (brightness == 0 && contrast == 1 && saturation == 1)
        {
            return;
        }

        for (var p = 0; p < rgba.Length; p += 4)
        {
            double r = rgba[p], g = rgba[p + 1], b = rgba[p + 2];
            var grey = (0.299 * r) + (0.587 * g) + (0.114 * b);
            r = grey + ((r - grey) * saturation);
            g = grey + ((g - grey) * saturation);
            b = grey + ((b - grey) * saturation);
            rgba[p] = Clamp(((r - 128) * contrast) + 128 + brightness);
            rgba[p + 1] = Clamp(((g - 128) * contrast) + 128 + brightness);
            rgba[p + 2] = Clamp(((b - 128) * contrast) + 128 + brightness);
        }
    }

    private static double Uniform(Random random, double max) => max == 0 ? 0 : ((random.NextDouble() * 2) - 1) * max;

    private static byte Clamp(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
