using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace FacePortal.Core.People;

/// <summary>Float arrays as database blobs: little-endian IEEE 754, so a file moves between machines unchanged.</summary>
public static class FloatBlob
{
    public static byte[] FromFloats(ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(values).CopyTo(bytes);
            return bytes;
        }

        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        return bytes;
    }

    public static float[] ToFloats(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new ArgumentException("A float blob's length must be a multiple of 4.", nameof(bytes));
        }

        var values = new float[bytes.Length / sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            bytes.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
            return values;
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }

        return values;
    }

    public static byte[] FromPoints(IReadOnlyList<Vector2> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var flat = new float[points.Count * 2];
        for (var i = 0; i < points.Count; i++)
        {
            flat[2 * i] = points[i].X;
            flat[(2 * i) + 1] = points[i].Y;
        }

        return FromFloats(flat);
    }

    public static Vector2[] ToPoints(ReadOnlySpan<byte> bytes)
    {
        var flat = ToFloats(bytes);
        var points = new Vector2[flat.Length / 2];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = new Vector2(flat[2 * i], flat[(2 * i) + 1]);
        }

        return points;
    }
}
