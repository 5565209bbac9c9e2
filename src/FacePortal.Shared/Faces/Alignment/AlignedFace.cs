namespace FacePortal.Shared.Faces.Alignment;

/// <summary>A face warped onto the 112x112 ArcFace template, as interleaved RGBA bytes.</summary>
public sealed class AlignedFace(byte[] rgba, int size)
{
    public int Size { get; } = size;

    /// <summary>Row-major RGBA, <see cref="Size"/> x <see cref="Size"/> pixels.</summary>
    public ReadOnlyMemory<byte> Rgba { get; } = rgba;
}
