using System.Buffers.Binary;
using SkiaSharp;

namespace FacePortal.Shared.Tests.Support;

/// <summary>Images made in code, for decoder edge cases.</summary>
public static class TestImages
{
    /// <summary>A width x height image whose left half is red and right half blue, encoded as asked.</summary>
    public static byte[] HalfRedHalfBlue(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = Pattern(width, height);
        if (format == SKEncodedImageFormat.Bmp)
        {
            return EncodeBmp(bitmap);
        }

        using var data = bitmap.Encode(format, 95);
        return data.ToArray();
    }

    public static SKBitmap Pattern(int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        using var red = new SKPaint { Color = SKColors.Red };
        using var blue = new SKPaint { Color = SKColors.Blue };
        canvas.DrawRect(0, 0, width / 2f, height, red);
        canvas.DrawRect(width / 2f, 0, width / 2f, height, blue);
        return bitmap;
    }

    /// <summary>Inserts an EXIF APP1 segment carrying <paramref name="orientation"/> right after the JPEG's SOI marker.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        // "Exif\0\0", then a little-endian TIFF header with one IFD entry: tag 0x0112, SHORT, count 1.
        byte[] tiff =
        [
            (byte)'I', (byte)'I', 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00,
            0x01, 0x00,
            0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, (byte)orientation, (byte)(orientation >> 8), 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,
        ];
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segmentLength = (ushort)(payload.Length + 2);
        var app1 = new byte[] { 0xFF, 0xE1, (byte)(segmentLength >> 8), (byte)segmentLength }.Concat(payload);
        return jpeg.Take(2).Concat(app1).Concat(jpeg.Skip(2)).ToArray();
    }

    /// <summary>Rotates a photo's pixels 90 degrees counter-clockwise and tags it with orientation 6, as a phone camera would.</summary>
    public static byte[] StoredSidewaysWithExif(byte[] uprightJpeg)
    {
        using var upright = SKBitmap.Decode(uprightJpeg);
        using var stored = new SKBitmap(new SKImageInfo(upright.Height, upright.Width, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(stored))
        {
            // Stored (x, y) = upright (W - 1 - y, x) rotated back: display rotates stored pixels 90 degrees clockwise.
            canvas.Translate(0, upright.Width);
            canvas.RotateDegrees(-90);
            canvas.DrawBitmap(upright, 0, 0);
        }

        using var data = stored.Encode(SKEncodedImageFormat.Jpeg, 95);
        return WithExifOrientation(data.ToArray(), 6);
    }

    private static byte[] EncodeBmp(SKBitmap bitmap)
    {
        var rowBytes = ((bitmap.Width * 3) + 3) & ~3;
        var size = 54 + (rowBytes * bitmap.Height);
        var bmp = new byte[size];
        "BM"u8.CopyTo(bmp);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), size);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), bitmap.Width);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), bitmap.Height);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);
        for (var y = 0; y < bitmap.Height; y++)
        {
            var row = 54 + ((bitmap.Height - 1 - y) * rowBytes);
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                bmp[row + (3 * x)] = c.Blue;
                bmp[row + (3 * x) + 1] = c.Green;
                bmp[row + (3 * x) + 2] = c.Red;
            }
        }

        return bmp;
    }
}
