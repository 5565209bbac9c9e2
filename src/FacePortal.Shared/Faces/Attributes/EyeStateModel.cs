using FacePortal.Shared.Faces.Landmarks;

namespace FacePortal.Shared.Faces.Attributes;

/// <summary>
/// fr_eye: each eye alone, a square 1.6x its corner-to-corner width from the 68 landmarks, 24x24
/// grey / 255; softmax over two classes, one of which is "open".
/// </summary>
internal sealed class EyeStateModel(AttributeSession session)
{
    public const int Size = 24;

    /// <summary>
    /// The output class that means open. lib/fr_eye.js reports class 0 beating class 1; on our photos,
    /// every one with open eyes, class 1 wins, so class 0 is "closed".
    /// </summary>
    internal const int OpenClass = 1;

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

        // lib/fr_eye.js applies OpenCV's BGR-to-grey to the canvas' RGBA (red and blue weights swapped);
        // the network was trained on OpenCV's grey of BGR images, which is the usual luma of RGB.
        TensorPacking.RgbaToGray(rgba, input, 1f / 255f);

        return AttributeSession.Softmax(session.Run([1, 1, Size, Size], input, "output")[0])[OpenClass];
    }
}
