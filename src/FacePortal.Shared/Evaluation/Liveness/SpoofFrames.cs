namespace FacePortal.Shared.Evaluation.Liveness;

/// <summary>
/// Makes live-like and spoof-like camera frames from ordinary photos with SkiaSharp, so the liveness
/// model can be measured without a presentation-attack dataset. Seeded: the same photos give the same frames.
/// </summary>
public sealed class SpoofFrames(int seed = 20261130)
{
    public const int Width = 640;
    public const int Height = 480;

    private readonly Random _random = new(seed);

    /// <summary>The photo untouched.</summary>
    public static LivenessFrame RealPhoto(string source, SKBitmap photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        return new LivenessFrame(LivenessKind.RealPhoto, source, photo.Copy(SKColorType.Rgba8888), new SKRect(0, 0, photo.Width, photo.Height));
    }

    /// <summary>The photo cropped to 640x480 like a webcam, with sensor noise and JPEG at quality 75.</summary>
    public LivenessFrame WebcamFrame(string source, SKBitmap photo)
    {
        var frame = NewFrame();
        using (var canvas = new SKCanvas(frame))
        {
            DrawCover(canvas, photo, new SKRect(0, 0, Width, Height));
        }

        return Captured(LivenessKind.WebcamFrame, source, frame, new SKRect(0, 0, Width, Height));
    }

    /// <summary>A print of the photo (white border, shadow, slightly turned) held in front of another photo.</summary>
    public LivenessFrame PhotoOfPhoto(string source, SKBitmap photo, SKBitmap scene)
    {
        var frame = NewFrame();
        SKRect print;
        using (var canvas = new SKCanvas(frame))
        {
            DrawCover(canvas, scene, new SKRect(0, 0, Width, Height));
            var height = Height * 0.62f;
            var width = height * photo.Width / photo.Height;
            var cx = (Width / 2f) + Next(-40, 40);
            var cy = (Height / 2f) + Next(-20, 20);
            print = new SKRect(cx - (width / 2), cy - (height / 2), cx + (width / 2), cy + (height / 2));
            canvas.Save();
            canvas.RotateDegrees(Next(-6, 6), cx, cy);
            using (var shadow = new SKPaint { Color = new SKColor(0, 0, 0, 110), ImageFilter = SKImageFilter.CreateBlur(6, 6) })
            {
                canvas.DrawRect(Inflate(print, 12, 6), shadow);
            }

            using (var paper = new SKPaint { Color = new SKColor(245, 243, 236) })
            {
                canvas.DrawRect(Inflate(print, 10, 0), paper);
            }

            // Printing loses some contrast and saturation.
            using var ink = new SKPaint { ColorFilter = Contrast(0.85f, 12, new SKColor(255, 250, 240)) };
            canvas.DrawBitmap(photo, print, ink);
            canvas.Restore();
        }

        return Captured(LivenessKind.PhotoOfPhoto, source, frame, print);
    }

    /// <summary>The photo shown on a monitor filmed by a webcam: dark bezel, cool tint, moire stripes and a glare spot.</summary>
    public LivenessFrame Screen(string source, SKBitmap photo)
    {
        var frame = NewFrame();
        var screen = new SKRect(Width * 0.08f, Height * 0.06f, Width * 0.92f, Height * 0.94f);
        using (var canvas = new SKCanvas(frame))
        {
            canvas.Clear(new SKColor(70, 66, 60));
            using (var bezel = new SKPaint { Color = new SKColor(18, 18, 20), IsAntialias = true })
            {
                canvas.DrawRoundRect(Inflate(screen, 16, 0), 8, 8, bezel);
            }

            using var panel = new SKPaint { ColorFilter = Contrast(0.9f, 8, new SKColor(225, 238, 255)) };
            DrawCover(canvas, photo, screen, panel);
        }

        Moire(frame, screen, amplitude: 14, period: Next(5.5f, 8f), angle: Next(5, 25));
        using (var canvas = new SKCanvas(frame))
        {
            var glareCenter = new SKPoint(screen.Left + (screen.Width * Next(0.6f, 0.85f)), screen.Top + (screen.Height * Next(0.15f, 0.35f)));
            using var glare = new SKPaint
            {
                Shader = SKShader.CreateRadialGradient(glareCenter, screen.Height * 0.35f, [new SKColor(255, 255, 255, 150), SKColors.Transparent], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(screen, glare);
        }

        return Captured(LivenessKind.Screen, source, frame, screen);
    }

    /// <summary>A flat, low-contrast print (lifted blacks, warm paper, soft detail, faint halftone) filling most of the frame.</summary>
    public LivenessFrame Print(string source, SKBitmap photo)
    {
        var frame = NewFrame();
        var sheet = new SKRect(Width * 0.05f, Height * 0.03f, Width * 0.95f, Height * 0.97f);
        using (var canvas = new SKCanvas(frame))
        {
            canvas.Clear(new SKColor(120, 100, 80));
            using (var paper = new SKPaint { Color = new SKColor(236, 230, 214) })
            {
                canvas.DrawRect(sheet, paper);
            }

            var image = Inflate(sheet, -14, 0);
            using var ink = new SKPaint
            {
                ColorFilter = Contrast(0.55f, 55, new SKColor(255, 244, 222)),
                ImageFilter = SKImageFilter.CreateBlur(1.2f, 1.2f),
            };
            DrawCover(canvas, photo, image, ink);
        }

        Moire(frame, sheet, amplitude: 5, period: 3f, angle: 45);
        return Captured(LivenessKind.Print, source, frame, sheet, noise: 5);
    }

    /// <summary>What the camera adds to every made frame, last: sensor noise (sigma <paramref name="noise"/>), then JPEG at quality 75.</summary>
    private LivenessFrame Captured(LivenessKind kind, string source, SKBitmap frame, SKRect subject, float noise = 4)
    {
        AddNoise(frame, noise);
        return new LivenessFrame(kind, source, Jpeg(frame, 75), subject);
    }

    private static SKBitmap NewFrame() => new(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));

    private float Next(float min, float max) => min + ((float)_random.NextDouble() * (max - min));

    private static SKRect Inflate(SKRect r, float by, float shift) => new(r.Left - by + shift, r.Top - by + shift, r.Right + by + shift, r.Bottom + by + shift);

    /// <summary>Scales <paramref name="photo"/> to cover <paramref name="target"/> (centred; it clips the overflow itself, so callers need not).</summary>
    private static void DrawCover(SKCanvas canvas, SKBitmap photo, SKRect target, SKPaint? paint = null)
    {
        var scale = Math.Max(target.Width / photo.Width, target.Height / photo.Height);
        float w = photo.Width * scale, h = photo.Height * scale;
        var dest = SKRect.Create(target.MidX - (w / 2), target.MidY - (h / 2), w, h);
        canvas.Save();
        canvas.ClipRect(target);
        using var image = SKImage.FromBitmap(photo);
        canvas.DrawImage(image, dest, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
        canvas.Restore();
    }

    /// <summary>v' = (v - 128) x contrast + 128 + lift, then multiplied by the tint.</summary>
    private static SKColorFilter Contrast(float contrast, float lift, SKColor tint)
    {
        var offset = ((1 - contrast) * 128) + lift;
        float r = tint.Red / 255f, g = tint.Green / 255f, b = tint.Blue / 255f;
        return SKColorFilter.CreateColorMatrix(
        [
            contrast * r, 0, 0, 0, offset * r / 255f,
            0, contrast * g, 0, 0, offset * g / 255f,
            0, 0, contrast * b, 0, offset * b / 255f,
            0, 0, 0, 1, 0,
        ]);
    }

    /// <summary>The beat between a screen's pixel grid and the camera's: slanted luminance stripes inside <paramref name="region"/>.</summary>
    private static void Moire(SKBitmap frame, SKRect region, float amplitude, float period, float angle)
    {
        var pixels = frame.GetPixelSpan();
        var radians = angle * MathF.PI / 180;
        float cos = MathF.Cos(radians), sin = MathF.Sin(radians);
        var stride = frame.RowBytes;
        for (var y = Math.Max(0, (int)region.Top); y < Math.Min(frame.Height, (int)region.Bottom); y++)
        {
            for (var x = Math.Max(0, (int)region.Left); x < Math.Min(frame.Width, (int)region.Right); x++)
            {
                // Two close frequencies: fine stripes whose strength swells and fades, as real moire does.
                var t = (x * cos) + (y * sin);
                var delta = amplitude * MathF.Sin(2 * MathF.PI * t / period) * (0.6f + (0.4f * MathF.Sin(2 * MathF.PI * t / (period * 9))));
                var p = (y * stride) + (x * 4);
                for (var c = 0; c < 3; c++)
                {
                    pixels[p + c] = (byte)Math.Clamp(pixels[p + c] + delta, 0, 255);
                }
            }
        }
    }

    private void AddNoise(SKBitmap frame, float sigma)
    {
        var pixels = frame.GetPixelSpan();
        for (var p = 0; p < pixels.Length; p += 4)
        {
            // A cheap, roughly normal deviate: the sum of three uniforms.
            var n = (float)((_random.NextDouble() + _random.NextDouble() + _random.NextDouble() - 1.5) * 2 * sigma);
            for (var c = 0; c < 3; c++)
            {
                pixels[p + c] = (byte)Math.Clamp(pixels[p + c] + n, 0, 255);
            }
        }
    }

    private static SKBitmap Jpeg(SKBitmap frame, int quality)
    {
        using (frame)
        {
            using var data = frame.Encode(SKEncodedImageFormat.Jpeg, quality);
            using var decoded = SKBitmap.Decode(data);
            return decoded.Copy(SKColorType.Rgba8888);
        }
    }
}
