using SkiaSharp;

namespace FacePortal.TestSupport;

/// <summary>
/// Hard one-person photos composed from the real deepface photos: a subject with a bigger bystander, and a face the detector
/// scores only between its retry threshold and its configured one.
/// </summary>
public static class ComposedPhotos
{
    /// <summary>
    /// A 1600x900 frame with the subject (img1.jpg, face about 200 px wide) at the centre and a
    /// bystander (img8.jpg, face about 320 px wide, so the largest face) near the left edge: the
    /// framing of a portrait with someone closer to the camera beside it.
    /// </summary>
    public static byte[] SubjectWithBiggerBystander()
    {
        using var frame = new SKBitmap(new SKImageInfo(1600, 900, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(frame))
        {
            canvas.Clear(new SKColor(120, 120, 120));

            // Face centres measured with `./faceportal detect`: img8 (325, 300), face 253 px wide; img1 (722, 596), 593 px.
            Place(canvas, Path.Combine(RepoLocations.DeepFace, "img8.jpg"), faceCentre: new SKPoint(325, 300), scale: 320f / 253, at: new SKPoint(200, 450));
            Place(canvas, Path.Combine(RepoLocations.DeepFace, "img1.jpg"), faceCentre: new SKPoint(722, 596), scale: 200f / 593, at: new SKPoint(800, 450));
        }

        using var data = frame.Encode(SKEncodedImageFormat.Jpeg, 92);
        return data.ToArray();
    }

    /// <summary>
    /// img1.jpg shrunk so its face is about 28 px wide, at the centre of a grey 640x480 frame: found by
    /// the detector but under the quality rules' smallest face (48 px), so too poor to name.
    /// </summary>
    public static byte[] TinyFace()
    {
        using var frame = new SKBitmap(new SKImageInfo(640, 480, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(frame))
        {
            canvas.Clear(new SKColor(120, 120, 120));
            Place(canvas, Path.Combine(RepoLocations.DeepFace, "img1.jpg"), faceCentre: new SKPoint(722, 596), scale: 28f / 593, at: new SKPoint(320, 240));
        }

        using var data = frame.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }

    /// <summary>
    /// selfie-many-people.jpg with its five whole faces (found at 0.7 by `./faceportal detect`) painted
    /// over with 30-pixel margins, which also hide the top of the photographer's half face at the
    /// bottom right: UltraFace scores what is left of the people at the edges about 0.6 to 0.64.
    /// </summary>
    public static byte[] FacesOnlyTheRetryFinds()
    {
        using var photo = SKBitmap.Decode(Path.Combine(RepoLocations.DeepFace, "selfie-many-people.jpg"));
        using (var canvas = new SKCanvas(photo))
        using (var grey = new SKPaint { Color = new SKColor(128, 128, 128) })
        {
            foreach (var face in new[] { new SKRect(89, 291, 205, 444), new SKRect(358, 108, 495, 288), new SKRect(211, 120, 304, 246), new SKRect(0, 244, 72, 354), new SKRect(529, 66, 600, 226) })
            {
                canvas.DrawRect(SKRect.Inflate(face, 30, 30), grey);
            }
        }

        using var data = photo.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }

    private static void Place(SKCanvas canvas, string photoPath, SKPoint faceCentre, float scale, SKPoint at)
    {
        using var photo = SKBitmap.Decode(photoPath);
        using var image = SKImage.FromBitmap(photo);
        canvas.Save();
        canvas.Translate(at.X - (faceCentre.X * scale), at.Y - (faceCentre.Y * scale));
        canvas.Scale(scale);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        canvas.Restore();
    }
}
