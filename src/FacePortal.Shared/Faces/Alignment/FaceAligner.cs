namespace FacePortal.Shared.Faces.Alignment;

/// <summary>Warps a face onto the ArcFace template with the least-squares similarity of its five points.</summary>
public sealed class FaceAligner
{
    private static readonly Vector2[] Target = ArcFaceTemplate.Points.Select(p => p + new Vector2(0.5f)).ToArray();

    /// <summary>The transform from image coordinates to crop coordinates.</summary>
    public static SimilarityTransform TransformFor(ReadOnlySpan<Vector2> fivePoints) =>
        SimilarityTransform.Estimate(fivePoints, Target);

    /// <summary>The draw of the aligned crop: the image through the similarity transform, onto 112x112.</summary>
    internal static ImageDraw CropOf(ReadOnlySpan<Vector2> fivePoints)
    {
        var t = TransformFor(fivePoints);
        return new ImageDraw(new SKMatrix(t.A, -t.B, t.Tx, t.B, t.A, t.Ty, 0, 0, 1), ArcFaceTemplate.Size, ArcFaceTemplate.Size);
    }

    public unsafe AlignedFace Align(DecodedImage image, ReadOnlySpan<Vector2> fivePoints)
    {
        ArgumentNullException.ThrowIfNull(image);
        var draw = CropOf(fivePoints);
        const int size = ArcFaceTemplate.Size;
        var rgba = new byte[size * size * 4];
        var info = new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul);

        // Skia draws straight into the managed array: no intermediate bitmap or copy.
        fixed (byte* pixels = rgba)
        {
            using var surface = SKSurface.Create(info, (IntPtr)pixels, info.RowBytes);
            var canvas = surface.Canvas;
            canvas.Clear(SKColors.Black);
            image.DrawTransformed(canvas, draw.Matrix);
            canvas.Flush();
        }

        return new AlignedFace(rgba, size);
    }
}
