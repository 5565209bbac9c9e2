using System.Buffers;
using FacePortal.Shared.Faces.Alignment;

namespace FacePortal.Shared.Faces.Quality;

/// <summary>Computes <see cref="FaceQuality"/> from the box, the landmarks and the aligned crop.</summary>
public static class QualityAssessor
{
    public static FaceQuality Assess(FaceBox box, IReadOnlyList<Vector2> fivePoints, AlignedFace face)
    {
        ArgumentNullException.ThrowIfNull(fivePoints);
        ArgumentNullException.ThrowIfNull(face);
        var n = face.Size * face.Size;
        var gray = ArrayPool<float>.Shared.Rent(n);
        try
        {
            var span = gray.AsSpan(0, n);
            TensorPacking.RgbaToGray(face.Rgba.Span, span);
            return new FaceQuality(
                Math.Min(box.Width, box.Height),
                LaplacianVariance(span, face.Size),
                CentreBrightness(span, face.Size),
                Frontalness(fivePoints),
                Roll(fivePoints));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(gray);
        }
    }

    /// <summary>Variance of the 4-neighbour Laplacian over the interior of a square grey image.</summary>
    public static float LaplacianVariance(ReadOnlySpan<float> gray, int size)
    {
        double sum = 0, sumSq = 0;
        var count = 0;
        for (var y = 1; y < size - 1; y++)
        {
            var row = y * size;
            for (var x = 1; x < size - 1; x++)
            {
                var i = row + x;
                double lap = gray[i - 1] + gray[i + 1] + gray[i - size] + gray[i + size] - (4 * gray[i]);
                sum += lap;
                sumSq += lap * lap;
                count++;
            }
        }

        var mean = sum / count;
        return (float)((sumSq / count) - (mean * mean));
    }

    private static float CentreBrightness(ReadOnlySpan<float> gray, int size)
    {
        // The centre half of the crop is skin, eyes and mouth; borders hold background and hair.
        var from = size / 4;
        var to = size - from;
        double sum = 0;
        for (var y = from; y < to; y++)
        {
            for (var x = from; x < to; x++)
            {
                sum += gray[(y * size) + x];
            }
        }

        return (float)(sum / ((to - from) * (to - from)));
    }

    private static float Frontalness(IReadOnlyList<Vector2> five)
    {
        var eyeAxis = Vector2.Normalize(five[1] - five[0]);
        var nose = Vector2.Dot(five[2], eyeAxis);
        var left = nose - Vector2.Dot(five[0], eyeAxis);
        var right = Vector2.Dot(five[1], eyeAxis) - nose;
        if (left <= 0 || right <= 0)
        {
            return 0;
        }

        return Math.Min(left, right) / Math.Max(left, right);
    }

    private static float Roll(IReadOnlyList<Vector2> five)
    {
        var d = five[1] - five[0];
        return MathF.Atan2(d.Y, d.X) * 180f / MathF.PI;
    }
}
