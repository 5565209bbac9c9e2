namespace FacePortal.Shared.Faces.Geometry;

/// <summary>An axis-aligned box in pixels, corner form.</summary>
public readonly record struct FaceBox(float Left, float Top, float Right, float Bottom)
{
    public float Width => Right - Left;

    public float Height => Bottom - Top;

    public float Area => Math.Max(0, Width) * Math.Max(0, Height);

    public float CenterX => (Left + Right) / 2;

    public float CenterY => (Top + Bottom) / 2;

    public float IntersectionOverUnion(FaceBox other)
    {
        var w = Math.Min(Right, other.Right) - Math.Max(Left, other.Left);
        var h = Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }

        var intersection = w * h;
        return intersection / (Area + other.Area - intersection);
    }

    public FaceBox Scale(float factor) => new(Left * factor, Top * factor, Right * factor, Bottom * factor);

    public FaceBox ClipTo(float width, float height) => new(
        Math.Clamp(Left, 0, width),
        Math.Clamp(Top, 0, height),
        Math.Clamp(Right, 0, width),
        Math.Clamp(Bottom, 0, height));
}
