namespace FacePortal.Shared.Faces.Attributes;

/// <summary>
/// fr_liveness (a MiniFASNet-style anti-spoofing network): 128x128 crop of the box scaled 2.7x about
/// its centre (so it sees the surroundings: bezels, paper edges), raw 0..255; softmax over three classes.
/// </summary>
internal sealed class LivenessModel(AttributeSession session)
{
    public const int Size = 128;
    private const float CropScale = 2.7f;

    /// <summary>
    /// The output class that means a live face, established by ./faceportal liveness-eval (docs/models.md): class 0
    /// is high on our real photos and webcam-like frames and low on the spoofs (AUC 0.96); class 1 is the reverse.
    /// The package's JavaScript also reports class 0 as its score.
    /// </summary>
    internal const int LiveClass = 0;

    /// <summary>Score at or above which a face counts as live.</summary>
    public const float Threshold = 0.5f;

    /// <summary>True while the measured separation does not justify trusting the verdict.</summary>
    public const bool Experimental = true;

    /// <summary>
    /// lib/fr_liveness.js feeds the canvas' R, G, B; MiniFASNet was trained on OpenCV's B, G, R. Which
    /// one separates live from spoofed faces better is measured by liveness-eval (docs/models.md).
    /// </summary>
    public const bool BlueFirst = true;

    /// <summary>The three class probabilities; the evaluation also tries the other channel order.</summary>
    public float[] Probabilities(DecodedImage image, FaceBox box, bool blueFirst = BlueFirst)
    {
        var rgba = AttributeCrops.Render(image, AttributeCrops.ScaledBox(box, CropScale, image.Width, image.Height), Size);
        var input = new float[3 * Size * Size];
        TensorPacking.RgbaToPlanar(rgba, input, Vector3.Zero, new Vector3(1f / 255f), blueFirst);
        return AttributeSession.Softmax(session.Run([1, 3, Size, Size], input, "output")[0]);
    }

    public LivenessEstimate Estimate(DecodedImage image, FaceBox box)
    {
        var score = Probabilities(image, box)[LiveClass];
        return new LivenessEstimate(score >= Threshold, score, Experimental);
    }
}
