using System.Numerics.Tensors;

namespace FacePortal.Training.Metrics;

/// <summary>The probability a trained model needs before it names anyone, and what it costs.</summary>
/// <param name="GenuineAcceptRate">Validation faces named, and named correctly, at the threshold.</param>
/// <param name="FalseAcceptRate">Validation faces named when their own person is left out of the model (strangers, in effect).</param>
public sealed record OpenSetCalibration(float Threshold, double GenuineAcceptRate, double FalseAcceptRate)
{
    private const float Lowest = 0.5f;
    private const float Highest = 0.99f;

    /// <summary>
    /// A softmax always picks someone, so strangers are simulated: each validation face is scored
    /// again with its own class removed (the rest renormalised). The threshold sits midway between
    /// the 90th percentile of those stranger scores and the 10th percentile of correct genuine scores,
    /// within [0.5, 0.99].
    /// </summary>
    public static OpenSetCalibration Calibrate(ClassifierHead head, FeatureSet validation)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(validation);
        var genuine = new List<(float Score, bool Correct)>();
        var strangers = new List<float>();
        for (var i = 0; i < validation.Count; i++)
        {
            var probabilities = head.Probabilities(validation.Row(i));
            var best = TensorPrimitives.IndexOfMax(probabilities);
            genuine.Add((probabilities[best], best == validation.Labels[i]));

            var own = probabilities[validation.Labels[i]];
            var rest = 1 - own;
            strangers.Add(rest <= 0 ? 0 : probabilities.Where((_, c) => c != validation.Labels[i]).Max() / rest);
        }

        var correct = genuine.Where(g => g.Correct).Select(g => g.Score).Order().ToList();
        var impostor = strangers.Order().ToList();
        var threshold = correct.Count == 0 || impostor.Count == 0
            ? Highest
            : Math.Clamp((Percentile(impostor, 0.9) + Percentile(correct, 0.1)) / 2, Lowest, Highest);
        var genuineAccept = genuine.Count == 0 ? 0 : genuine.Count(g => g.Correct && g.Score >= threshold) / (double)genuine.Count;
        var falseAccept = strangers.Count == 0 ? 0 : strangers.Count(s => s >= threshold) / (double)strangers.Count;
        return new OpenSetCalibration(threshold, genuineAccept, falseAccept);
    }

    private static float Percentile(List<float> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
