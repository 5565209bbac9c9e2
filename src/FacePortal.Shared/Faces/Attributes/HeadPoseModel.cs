using System.Numerics;
using FacePortal.Shared.Faces.Geometry;
using FacePortal.Shared.Imaging;

namespace FacePortal.Shared.Faces.Attributes;

/// <summary>
/// fr_pose (a HopeNet-style network): 224x224 crop of the box grown by a quarter per side, ImageNet
/// normalisation; three heads of 66 three-degree bins, decoded as the softmax expectation x 3 - 99.
/// </summary>
internal sealed class HeadPoseModel(AttributeSession session)
{
    public const int Size = 224;
    private const int Bins = 66;
    private static readonly Vector3 Mean = new(0.485f, 0.456f, 0.406f);
    private static readonly Vector3 Std = new(0.229f, 0.224f, 0.225f);

    /// <summary>
    /// lib/fr_pose.js converts the canvas' RGBA "from BGR to RGB", so the model is fed B, G, R planes.
    /// The package does it; whether the network expects it was checked (see FaceAttributeAnalyzerTests).
    /// </summary>
    internal static bool SwapRedBlue { get; set; } = true;

    public HeadPose Estimate(DecodedImage image, FaceBox box)
    {
        var rgba = AttributeCrops.Render(image, AttributeCrops.Pose(box, image.Width, image.Height), Size);
        var input = new float[3 * Size * Size];
        TensorPacking.RgbaToPlanar(rgba, input, Mean, Std, SwapRedBlue);
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
