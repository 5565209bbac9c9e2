using FacePortal.Shared.Faces.Landmarks;
using FacePortal.Shared.Imaging;

namespace FacePortal.Shared.Faces.Attributes;

/// <summary>
/// fr_eye: each eye alone, a square 1.6x its corner-to-corner width from the 68 landmarks, 24x24
/// grey / 255; softmax over two classes, one of which is "open".
/// </summary>
internal sealed class EyeStateModel(AttributeSession session)
{
    public const int Size = 24;

    /// <summary>The output class that means open; established on our photos (eyes open in all of them).</summary>
    internal const int OpenClass = 0;

    public EyesState Estimate(DecodedImage image, FaceLandmarks landmarks)
    {
        var (left, right) = AttributeCrops.Eyes(landmarks, image.Width, image.Height);
        var leftOpen = OpenProbability(image, left);
        var rightOpen = OpenProbability(image, right);
        return new EyesState(leftOpen >= 0.5f, leftOpen, rightOpen >= 0.5f, rightOpen);
    }

    private float OpenProbability(DecodedImage image, SkiaSharp.SKRectI eye)
    {
        var rgba = AttributeCrops.Render(image, eye, Size);
        var input = new float[Size * Size];

        // lib/fr_eye.js applies OpenCV's BGR-to-grey to the canvas' RGBA, so red weighs 0.114 and blue 0.299.
        for (int i = 0, p = 0; i < input.Length; i++, p += 4)
        {
            input[i] = ((0.114f * rgba[p]) + (0.587f * rgba[p + 1]) + (0.299f * rgba[p + 2])) / 255f;
        }

        return AttributeSession.Softmax(session.Run([1, 1, Size, Size], input, "output")[0])[OpenClass];
    }
}
