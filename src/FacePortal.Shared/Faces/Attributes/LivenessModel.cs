using FacePortal.Shared.Faces.Geometry;
using FacePortal.Shared.Imaging;

namespace FacePortal.Shared.Faces.Attributes;

/// <summary>
/// fr_liveness (a MiniFASNet-style anti-spoofing network): 128x128 crop of the box scaled 2.7x about
/// its centre (so it sees the surroundings: bezels, paper edges), raw 0..255 RGB; softmax over three classes.
/// </summary>
internal sealed class LivenessModel(AttributeSession session)
{
    public const int Size = 128;
    private const float CropScale = 2.7f;

    /// <summary>The output class that means a live face, established by ./faceportal liveness-eval (README).</summary>
    internal const int LiveClass = 1;

    /// <summary>Score at or above which a face counts as live.</summary>
    public const float Threshold = 0.5f;

    /// <summary>True while the measured separation does not justify trusting the verdict.</summary>
    public const bool Experimental = true;

    /// <summary>The three class probabilities, for the evaluation.</summary>
    public float[] Probabilities(DecodedImage image, FaceBox box)
    {
        var rgba = AttributeCrops.Render(image, AttributeCrops.ScaledBox(box, CropScale, image.Width, image.Height), Size);
        var input = new float[3 * Size * Size];
        TensorPacking.RgbaToPlanar(rgba, input, 0f, 1f);
        return AttributeSession.Softmax(session.Run([1, 3, Size, Size], input, "output")[0]);
    }

    public LivenessEstimate Estimate(DecodedImage image, FaceBox box)
    {
        var score = Probabilities(image, box)[LiveClass];
        return new LivenessEstimate(score >= Threshold, score, Experimental);
    }
}
