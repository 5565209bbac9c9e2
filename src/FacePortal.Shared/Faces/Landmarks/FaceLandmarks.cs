namespace FacePortal.Shared.Faces.Landmarks;

/// <summary>68 facial points in iBUG order, and the five-point reduction that alignment uses.</summary>
public sealed class FaceLandmarks
{
    public const int Count = 68;

    public FaceLandmarks(Vector2[] points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Length != Count)
        {
            throw new ArgumentException($"Expected {Count} points, got {points.Length}.", nameof(points));
        }

        Points = points;
    }

    public IReadOnlyList<Vector2> Points { get; }

    /// <summary>Left eye, right eye (as seen in the image), nose tip, left and right mouth corners.</summary>
    public Vector2[] ToFivePoints() =>
    [
        Mean(37, 38, 40, 41),
        Mean(43, 44, 46, 47),
        Points[30],
        (Points[48] + Points[60]) / 2,
        (Points[54] + Points[64]) / 2,
    ];

    public FaceLandmarks Scale(float factor)
    {
        var scaled = new Vector2[Count];
        for (var i = 0; i < Count; i++)
        {
            scaled[i] = Points[i] * factor;
        }

        return new FaceLandmarks(scaled);
    }

    private Vector2 Mean(int a, int b, int c, int d) => (Points[a] + Points[b] + Points[c] + Points[d]) / 4;
}
