namespace FacePortal.Shared.Imaging;

/// <summary>Pixel buffers to model input tensors, in tight loops over spans.</summary>
public static class TensorPacking
{
    /// <summary>Interleaved RGBA bytes to planar RGB floats, (v - mean) / std.</summary>
    public static void RgbaToPlanar(ReadOnlySpan<byte> rgba, Span<float> planar, float mean, float std)
    {
        var pixels = rgba.Length / 4;
        if (planar.Length < pixels * 3)
        {
            throw new ArgumentException("The tensor is smaller than the image.", nameof(planar));
        }

        var r = planar[..pixels];
        var g = planar.Slice(pixels, pixels);
        var b = planar.Slice(2 * pixels, pixels);
        var inv = 1f / std;
        for (int i = 0, p = 0; i < pixels; i++, p += 4)
        {
            r[i] = (rgba[p] - mean) * inv;
            g[i] = (rgba[p + 1] - mean) * inv;
            b[i] = (rgba[p + 2] - mean) * inv;
        }
    }

    /// <summary>Interleaved RGBA bytes to luma (BT.601), 0..255 times <paramref name="scale"/>.</summary>
    public static void RgbaToGray(ReadOnlySpan<byte> rgba, Span<float> gray, float scale = 1f)
    {
        float wr = 0.299f * scale, wg = 0.587f * scale, wb = 0.114f * scale;
        var pixels = rgba.Length / 4;
        for (int i = 0, p = 0; i < pixels; i++, p += 4)
        {
            gray[i] = (wr * rgba[p]) + (wg * rgba[p + 1]) + (wb * rgba[p + 2]);
        }
    }

    /// <summary>
    /// Interleaved RGBA bytes to planar floats, per channel (v / 255 - mean) / std (the ImageNet style);
    /// with <paramref name="swapRedBlue"/> the planes go B, G, R while mean and std stay in plane order.
    /// </summary>
    public static void RgbaToPlanar(ReadOnlySpan<byte> rgba, Span<float> planar, Vector3 mean, Vector3 std, bool swapRedBlue = false)
    {
        var pixels = rgba.Length / 4;
        if (planar.Length < pixels * 3)
        {
            throw new ArgumentException("The tensor is smaller than the image.", nameof(planar));
        }

        var first = planar[..pixels];
        var g = planar.Slice(pixels, pixels);
        var third = planar.Slice(2 * pixels, pixels);
        var scale = new Vector3(1f / 255f) / std;
        var offset = mean / std;
        int r = swapRedBlue ? 2 : 0, b = swapRedBlue ? 0 : 2;
        for (int i = 0, p = 0; i < pixels; i++, p += 4)
        {
            first[i] = (rgba[p + r] * scale.X) - offset.X;
            g[i] = (rgba[p + 1] * scale.Y) - offset.Y;
            third[i] = (rgba[p + b] * scale.Z) - offset.Z;
        }
    }
}
