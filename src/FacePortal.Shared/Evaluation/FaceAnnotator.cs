using FacePortal.Shared.Faces;

namespace FacePortal.Shared.Evaluation;

/// <summary>Draws faces (box, score, 68 landmarks, five alignment points) onto a copy of an image, for people to check.</summary>
public static class FaceAnnotator
{
    public static byte[] Annotate(DecodedImage image, IReadOnlyList<FaceAnalysis> faces, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(faces);
        var scale = 1f / image.ScaleToOriginal;
        var stroke = Math.Max(2f, image.Width / 400f);
        using var surface = SKSurface.Create(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.DrawImage(image.Image, 0, 0);

        using var boxPaint = new SKPaint { Color = new SKColor(0, 230, 118), Style = SKPaintStyle.Stroke, StrokeWidth = stroke, IsAntialias = true };
        using var pointPaint = new SKPaint { Color = new SKColor(255, 214, 0), IsAntialias = true };
        using var keyPaint = new SKPaint { Color = new SKColor(255, 64, 129), IsAntialias = true };
        using var textPaint = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var font = new SKFont(SKTypeface.Default, Math.Max(12f, stroke * 7));
        using var labelBack = new SKPaint { Color = new SKColor(0, 0, 0, 160) };

        for (var i = 0; i < faces.Count; i++)
        {
            var face = faces[i];
            var b = face.Box.Scale(scale);
            canvas.DrawRect(new SKRect(b.Left, b.Top, b.Right, b.Bottom), boxPaint);
            foreach (var p in face.Landmarks.Points)
            {
                canvas.DrawCircle(p.X * scale, p.Y * scale, stroke * 0.8f, pointPaint);
            }

            foreach (var p in face.FivePoints)
            {
                canvas.DrawCircle(p.X * scale, p.Y * scale, stroke * 1.5f, keyPaint);
            }

            var label = $"#{i + 1} {face.Score:0.00}";
            var width = font.MeasureText(label);
            var top = Math.Max(0, b.Top - font.Size - 4);
            canvas.DrawRect(new SKRect(b.Left, top, b.Left + width + 6, top + font.Size + 4), labelBack);
            canvas.DrawText(label, b.Left + 3, top + font.Size, font, textPaint);
        }

        using var snapshot = surface.Snapshot();
        return ImageEncoder.Encode(snapshot, format, 90);
    }
}
