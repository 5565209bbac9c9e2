using FacePortal.Training.Loop;

namespace FacePortal.Training.Metric;

/// <summary>
/// Trains a <see cref="ProjectionHead"/> on cached features: a <see cref="TripletObjective"/> run
/// through the one <see cref="TrainingLoop"/>, with the same callbacks as the classifiers.
/// </summary>
public static class MetricTrainer
{
    public static HeadTrainingResult Train(
        FeatureSet train, FeatureSet validation, MetricTrainingOptions metric, HeadTrainingOptions head, IProgress<EpochMetrics>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(head);
        if ((metric.Validate() ?? head.Validate()) is { } problem)
        {
            throw new ArgumentException(problem, nameof(metric));
        }

        lock (TorchGate.Lock)
        {
            torch.manual_seed(head.Seed);
            using var model = new ProjectionHead(train.Dimensions, metric.OutputSize);
            using var xTrain = torch.tensor(train.Values, [train.Count, train.Dimensions]);
            using var xValidation = torch.tensor(validation.Values, [validation.Count, validation.Dimensions]);
            var objective = new TripletObjective(model, xTrain, train.Labels, xValidation, validation.Labels, metric, head.Seed);
            return TrainingLoop.Run(objective, head, progress, cancellationToken);
        }
    }

    /// <summary>The plain C# projection of saved weights (from a <see cref="HeadTrainingResult"/>).</summary>
    public static EmbeddingProjection ToProjection(byte[] weights, int inputs, int outputs, float similarityThreshold)
    {
        ArgumentNullException.ThrowIfNull(weights);
        lock (TorchGate.Lock)
        {
            using var head = new ProjectionHead(inputs, outputs);
            using var stream = new MemoryStream(weights);
            head.load(stream);
            return head.ToProjection(similarityThreshold);
        }
    }
}
