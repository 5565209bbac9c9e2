namespace FacePortal.Shared.Faces.Attributes;

/// <summary>fr_expression: 224x224 crop 1.2x the box from its top-left corner, RGB / 255; softmax over the classes.</summary>
internal sealed class ExpressionModel
{
    public const int Size = 224;

    private readonly AttributeSession _session;

    public ExpressionModel(AttributeSession session)
    {
        _session = session;
        var classes = session.Session.OutputMetadata["output"].Dimensions[^1];
        if (classes != Labels.Count)
        {
            throw new InvalidOperationException($"fr_expression has {classes} classes; this code knows {Labels.Count}.");
        }
    }

    /// <summary>The class order of the model's output.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"];

    public ExpressionEstimate Estimate(DecodedImage image, FaceBox box)
    {
        var rgba = AttributeCrops.Render(image, AttributeCrops.Expression(box, image.Width, image.Height), Size);
        var input = new float[3 * Size * Size];
        TensorPacking.RgbaToPlanar(rgba, input, 0f, 255f);
        var p = AttributeSession.Softmax(_session.Run([1, 3, Size, Size], input, "output")[0]);
        var best = Array.IndexOf(p, p.Max());
        var probabilities = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var i = 0; i < p.Length; i++)
        {
            probabilities[Labels[i]] = p[i];
        }

        return new ExpressionEstimate(Labels[best], probabilities);
    }
}
