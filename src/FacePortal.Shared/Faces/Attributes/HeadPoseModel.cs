namespace FacePortal.Shared.Faces.Attributes;

/// <summary>
/// fr_pose (a HopeNet-style network): 224x224 crop of the box grown by a quarter per side, ImageNet
/// normalisation, RGB; three heads of 66 three-degree bins, decoded as the softmax expectation x 3 - 99.
/// </summary>
internal sealed class HeadPoseModel(AttributeSession session)
{
    public const int Size = 224;
    private const int Bins = 66;
    private static readonly Vector3 Mean = new(0.485f, 0.456f, 0.406f);
    private static readonly Vector3 Std = new(0.229f, 0.224f, 0.225f);

    public HeadPose Estimate(DecodedImage image, FaceBox box)
    {
        var rgba = AttributeCrops.Render(image, AttributeCrops.Pose(box, image.Width, image.Height), Size);
        var input = new float[3 * Size * Size];

        // lib/fr_pose.js runs OpenCV's BGR-to-RGB on the canvas' RGBA, which hands the network B, G, R;
        // the Python code it was ported from fed RGB, as the network was trained. We feed RGB.
        TensorPacking.RgbaToPlanar(rgba, input, Mean, Std);
        var outputs = session.Run([1, 3, Size, Size], input, "output", "617", "618");
        return new HeadPose(Degrees(outputs[0]), Degrees(outputs[1]), Degrees(outputs[2]));
    }

    private static float Degrees(float[] logits)
    {
        var p = AttributeSession.Softmax(logits.AsSpan(0, Bins));
        var expectation = 0f;
        for (var i = 0; i < Bins; i++)
        {
            expectation += p[i] * i;
        }

        return (expectation * 3) - 99;
    }
}
