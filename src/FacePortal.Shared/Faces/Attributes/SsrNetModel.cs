namespace FacePortal.Shared.Faces.Attributes;

/// <summary>
/// fr_age and fr_gender (SSR-Net): 64x64 crop of the box scaled 1.4x about its centre, ImageNet
/// normalisation, B, G, R planes; three stages of three bins, merged as SSR-Net's soft stagewise regression
/// times V (101 for age in years, 1 for gender's 0..1 score).
/// </summary>
internal sealed class SsrNetModel(AttributeSession session, float range)
{
    public const int Size = 64;
    private const float CropScale = 1.4f;
    private const int Stages = 3;
    private static readonly Vector3 Mean = new(0.485f, 0.456f, 0.406f);
    private static readonly Vector3 Std = new(0.229f, 0.224f, 0.225f);

    private static readonly string[] Outputs =
    [
        "prob_stage_1", "prob_stage_2", "prob_stage_3",
        "stage1_delta_k", "stage2_delta_k", "stage3_delta_k",
        "index_offset_stage1", "index_offset_stage2", "index_offset_stage3",
    ];

    public float Estimate(DecodedImage image, FaceBox box)
    {
        var rgba = AttributeCrops.Render(image, AttributeCrops.ScaledBox(box, CropScale, image.Width, image.Height), Size);
        var input = new float[3 * Size * Size];
        
        // lib/fr_age.js and fr_gender.js feed the canvas' R, G, B; the networks were trained on OpenCV's
        // B, G, R. Measured on celeb24 (10 photos x 24 people): gender right on 53% of faces fed RGB, 78% fed BGR.
        TensorPacking.RgbaToPlanar(rgba, input, Mean, Std, swapRedBlue: true);
        var outputs = session.Run([1, 3, Size, Size], input, Outputs);
        return Merge(outputs) * range;
    }

    /// <summary>The package's mergeAge/mergeGender with s1 = s2 = s3 = 3 and lambda_local = lambda_d = 1.</summary>
    private static float Merge(float[][] o)
    {
        float[] p1 = o[0], p2 = o[1], p3 = o[2], off1 = o[6], off2 = o[7], off3 = o[8];
        float d1 = o[3][0], d2 = o[4][0], d3 = o[5][0];
        float a = 0, b = 0, c = 0;
        for (var i = 0; i < Stages; i++)
        {
            a += (i + off1[i]) * p1[i];
            b += (i + off2[i]) * p2[i];
            c += (i + off3[i]) * p3[i];
        }

        var k1 = Stages * (1 + d1);
        var k2 = Stages * (1 + d2);
        var k3 = Stages * (1 + d3);
        return (a / k1) + (b / k1 / k2) + (c / k1 / k2 / k3);
    }
}
