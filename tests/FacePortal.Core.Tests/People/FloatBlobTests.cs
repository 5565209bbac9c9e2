using System.Numerics;
using FacePortal.Core.People;

namespace FacePortal.Core.Tests.People;

public sealed class FloatBlobTests
{
    [Fact]
    public void Floats_and_points_round_trip_as_little_endian_bytes()
    {
        float[] values = [1f, -2.5f, float.Epsilon, 3.4e38f];

        var bytes = FloatBlob.FromFloats(values);

        Assert.Equal(16, bytes.Length);
        Assert.Equal(new byte[] { 0, 0, 0x80, 0x3F }, bytes[..4]); // 1.0f, little-endian IEEE 754
        Assert.Equal(values, FloatBlob.ToFloats(bytes));
        Vector2[] points = [new(1, 2), new(-3.5f, 4.25f)];
        Assert.Equal(points, FloatBlob.ToPoints(FloatBlob.FromPoints(points)));
    }

    [Fact]
    public void A_blob_of_the_wrong_length_is_refused() =>
        Assert.Throws<ArgumentException>(() => FloatBlob.ToFloats(new byte[5]));
}
