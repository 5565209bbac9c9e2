namespace FacePortal.Shared.Faces.Detection;

/// <summary>Where a source image sits inside a fixed-size model input when its aspect ratio is kept.</summary>
public readonly record struct Letterbox(float Scale, float OffsetX, float OffsetY, SKRect Destination)
{
    public static Letterbox Fit(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight)
    {
        var scale = Math.Min((float)targetWidth / sourceWidth, (float)targetHeight / sourceHeight);
        var w = sourceWidth * scale;
        var h = sourceHeight * scale;
        var x = (targetWidth - w) / 2;
        var y = (targetHeight - h) / 2;
        return new Letterbox(scale, x, y, new SKRect(x, y, x + w, y + h));
    }

    public FaceBox ToSource(FaceBox inTarget) => new(
        (inTarget.Left - OffsetX) / Scale,
        (inTarget.Top - OffsetY) / Scale,
        (inTarget.Right - OffsetX) / Scale,
        (inTarget.Bottom - OffsetY) / Scale);
}
