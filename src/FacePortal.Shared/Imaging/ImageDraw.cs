namespace FacePortal.Shared.Imaging;

/// <summary>A draw of an image onto a small canvas: the matrix from image to canvas coordinates, and the canvas size.</summary>
internal readonly record struct ImageDraw(SKMatrix Matrix, int Width, int Height)
{
    public SKRect Canvas => new(0, 0, Width, Height);
}
