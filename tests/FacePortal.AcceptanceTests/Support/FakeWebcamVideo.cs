using SkiaSharp;

namespace FacePortal.AcceptanceTests.Support;

/// <summary>
/// Writes a Y4M (I420) clip of a photo for Chromium's fake camera, 640x480 unless told otherwise.
/// The frames drift and zoom a little, like a person moving in front of a webcam, so successive
/// captures differ.
/// </summary>
public static class FakeWebcamVideo
{
    public static string Write(string photoPath, string outputPath, int width = 640, int height = 480, int frames = 30)
    {
        using var photo = SKBitmap.Decode(photoPath) ?? throw new InvalidOperationException($"Cannot decode {photoPath}.");
        using var output = File.Create(outputPath);
        var header = System.Text.Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F30:1 Ip A1:1 C420jpeg\n");
        output.Write(header);
        var frameTag = System.Text.Encoding.ASCII.GetBytes("FRAME\n");
        using var frame = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var y = new byte[width * height];
        var u = new byte[width * height / 4];
        var v = new byte[width * height / 4];
        for (var i = 0; i < frames; i++)
        {
            var phase = 2 * Math.PI * i / frames;
            var scale = Math.Min((float)width / photo.Width, (float)height / photo.Height) * (1f + (0.04f * (float)Math.Sin(phase)));
            var dx = 12f * (float)Math.Cos(phase);
            using (var canvas = new SKCanvas(frame))
            {
                canvas.Clear(SKColors.DimGray);
                var w = photo.Width * scale;
                var h = photo.Height * scale;
                canvas.DrawBitmap(photo, SKRect.Create(((width - w) / 2) + dx, (height - h) / 2, w, h), new SKPaint { IsAntialias = true });
            }

            ToI420(frame, width, height, y, u, v);
            output.Write(frameTag);
            output.Write(y);
            output.Write(u);
            output.Write(v);
        }

        return outputPath;
    }

    /// <summary>
    /// A clip of photos one after another, each held still for its number of frames, at <paramref name="fps"/>
    /// (Chromium plays it at that rate and loops it): hard cuts between people, like someone stepping in front of the camera.
    /// </summary>
    public static string WriteSegments(IReadOnlyList<(string Photo, int Frames)> segments, string outputPath, int fps, int width = 640, int height = 480)
    {
        ArgumentNullException.ThrowIfNull(segments);
        using var output = File.Create(outputPath);
        output.Write(System.Text.Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F{fps}:1 Ip A1:1 C420jpeg\n"));
        var frameTag = System.Text.Encoding.ASCII.GetBytes("FRAME\n");
        var y = new byte[width * height];
        var u = new byte[width * height / 4];
        var v = new byte[width * height / 4];
        foreach (var (photoPath, frames) in segments)
        {
            using var photo = SKBitmap.Decode(photoPath) ?? throw new InvalidOperationException($"Cannot decode {photoPath}.");
            using var frame = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
            using (var canvas = new SKCanvas(frame))
            {
                canvas.Clear(SKColors.DimGray);
                var scale = Math.Min((float)width / photo.Width, (float)height / photo.Height);
                var (w, h) = (photo.Width * scale, photo.Height * scale);
                canvas.DrawBitmap(photo, SKRect.Create((width - w) / 2, (height - h) / 2, w, h), new SKPaint { IsAntialias = true });
            }

            ToI420(frame, width, height, y, u, v);
            for (var i = 0; i < frames; i++)
            {
                output.Write(frameTag);
                output.Write(y);
                output.Write(u);
                output.Write(v);
            }
        }

        return outputPath;
    }

    private static void ToI420(SKBitmap frame, int width, int height, byte[] y, byte[] u, byte[] v)
    {
        var pixels = frame.GetPixelSpan();
        for (var row = 0; row < height; row++)
        {
            for (var col = 0; col < width; col++)
            {
                var p = ((row * width) + col) * 4;
                y[(row * width) + col] = Clamp((0.299 * pixels[p]) + (0.587 * pixels[p + 1]) + (0.114 * pixels[p + 2]));
            }
        }

        for (var row = 0; row < height / 2; row++)
        {
            for (var col = 0; col < width / 2; col++)
            {
                var p = (((row * 2) * width) + (col * 2)) * 4;
                double r = pixels[p], g = pixels[p + 1], b = pixels[p + 2];
                u[(row * (width / 2)) + col] = Clamp(128 - (0.168736 * r) - (0.331264 * g) + (0.5 * b));
                v[(row * (width / 2)) + col] = Clamp(128 + (0.5 * r) - (0.418688 * g) - (0.081312 * b));
            }
        }
    }

    private static byte Clamp(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
