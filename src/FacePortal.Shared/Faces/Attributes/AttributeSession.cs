using Microsoft.ML.OnnxRuntime.Tensors;

namespace FacePortal.Shared.Faces.Attributes;

/// <summary>One attribute model's session: a single float input filled by the caller, outputs read by name.</summary>
internal sealed class AttributeSession(InferenceSession session)
{
    private readonly string _inputName = session.InputMetadata.Keys.Single();

    public InferenceSession Session { get; } = session;

    /// <summary>Runs the model on one tensor of <paramref name="shape"/> and copies the named outputs out.</summary>
    public float[][] Run(long[] shape, ReadOnlySpan<float> input, params string[] outputs)
    {
        using var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, shape);
        input.CopyTo(value.GetTensorMutableDataAsSpan<float>());
        using var runOptions = new RunOptions();
        using var results = Session.Run(runOptions, [_inputName], [value], outputs);
        var copied = new float[outputs.Length][];
        for (var i = 0; i < outputs.Length; i++)
        {
            copied[i] = results[i].GetTensorDataAsSpan<float>().ToArray();
        }

        return copied;
    }

    public static float[] Softmax(ReadOnlySpan<float> logits)
    {
        var max = float.NegativeInfinity;
        foreach (var v in logits)
        {
            max = Math.Max(max, v);
        }

        var result = new float[logits.Length];
        var sum = 0f;
        for (var i = 0; i < logits.Length; i++)
        {
            result[i] = MathF.Exp(logits[i] - max);
            sum += result[i];
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] /= sum;
        }

        return result;
    }
}
