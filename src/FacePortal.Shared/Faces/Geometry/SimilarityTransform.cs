namespace FacePortal.Shared.Faces.Geometry;

/// <summary>
/// A 2-D similarity (rotation, uniform scale, translation):
/// x' = A x - B y + Tx, y' = B x + A y + Ty.
/// </summary>
public readonly record struct SimilarityTransform(float A, float B, float Tx, float Ty)
{
    public float Scale => MathF.Sqrt((A * A) + (B * B));

    public float RotationRadians => MathF.Atan2(B, A);

    public Vector2 Apply(Vector2 p) => new((A * p.X) - (B * p.Y) + Tx, (B * p.X) + (A * p.Y) + Ty);

    /// <summary>
    /// The least-squares similarity mapping <paramref name="source"/> onto <paramref name="target"/>
    /// (the closed form of Umeyama's method in 2-D; it never reflects).
    /// </summary>
    public static SimilarityTransform Estimate(ReadOnlySpan<Vector2> source, ReadOnlySpan<Vector2> target)
    {
        if (source.Length != target.Length || source.Length < 2)
        {
            throw new ArgumentException("Need at least two point pairs of equal count.", nameof(source));
        }

        var meanS = Vector2.Zero;
        var meanT = Vector2.Zero;
        for (var i = 0; i < source.Length; i++)
        {
            meanS += source[i];
            meanT += target[i];
        }

        meanS /= source.Length;
        meanT /= target.Length;

        double dot = 0, cross = 0, variance = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var s = source[i] - meanS;
            var t = target[i] - meanT;
            dot += (s.X * t.X) + (s.Y * t.Y);
            cross += (s.X * t.Y) - (s.Y * t.X);
            variance += (s.X * s.X) + (s.Y * s.Y);
        }

        if (variance < 1e-12)
        {
            throw new ArgumentException("Source points are all the same; no transform is defined.", nameof(source));
        }

        var a = (float)(dot / variance);
        var b = (float)(cross / variance);
        var tx = meanT.X - ((a * meanS.X) - (b * meanS.Y));
        var ty = meanT.Y - ((b * meanS.X) + (a * meanS.Y));
        return new SimilarityTransform(a, b, tx, ty);
    }
}
