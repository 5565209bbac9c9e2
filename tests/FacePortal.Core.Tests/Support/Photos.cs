using FacePortal.TestSupport;
using SkiaSharp;

namespace FacePortal.Core.Tests.Support;

/// <summary>The real photos Core's tests enrol: deepface's portraits and group photos, celeb24's aligned crops, and a landscape with no face.</summary>
public static class Photos
{
    /// <summary>A deepface photo by file name (img1.jpg ... one person each; couple.jpg and selfie-many-people.jpg hold several).</summary>
    public static byte[] DeepFace(string fileName) => File.ReadAllBytes(Path.Combine(RepoLocations.DeepFace, fileName));

    /// <summary>The first <paramref name="count"/> 112x112 aligned crops of a celeb24 person, by file name order.</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> Celeb24(string person, int count) =>
        Directory.GetFiles(Path.Combine(RepoLocations.Celeb24, person), "*.png")
            .Order(StringComparer.Ordinal)
            .Take(count)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToList();

    /// <summary>A sky over a field, as a JPEG: a real image with no face in it.</summary>
    public static byte[] Landscape()
    {
        using var bitmap = new SKBitmap(640, 480);
        using (var canvas = new SKCanvas(bitmap))
        using (var sky = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, 480), [SKColors.SkyBlue, SKColors.ForestGreen], SKShaderTileMode.Clamp) })
        {
            canvas.DrawRect(0, 0, 640, 480, sky);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
