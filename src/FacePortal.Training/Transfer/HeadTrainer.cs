using FacePortal.Training.Loop;

namespace FacePortal.Training.Transfer;

/// <summary>
/// Trains a <see cref="TransferHead"/> on cached features: a <see cref="ClassifierObjective"/> run
/// through the one <see cref="TrainingLoop"/>.
/// </summary>
public static class HeadTrainer
{
    public static HeadTrainingResult Train(
        FeatureSet train, FeatureSet validation, int classes, HeadTrainingOptions options, IProgress<EpochMetrics>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        if (train.Count < 2 || validation.Count < 1)
        {
            throw new ArgumentException("Training needs at least two training samples and one validation sample.");
        }

        lock (TorchGate.Lock)
        {
            torch.manual_seed(options.Seed);
            using var head = new TransferHead(train.Dimensions, options.HiddenSize, classes, options.Dropout);
            using var xTrain = torch.tensor(train.Values, [train.Count, train.Dimensions]);
            using var yTrain = torch.tensor(train.Labels.Select(l => (long)l).ToArray());
            using var xValidation = torch.tensor(validation.Values, [validation.Count, validation.Dimensions]);
            using var yValidation = torch.tensor(validation.Labels.Select(l => (long)l).ToArray());
            var objective = new ClassifierObjective(head, xTrain, yTrain, xValidation, yValidation, options.BatchSize, options.Seed);
            return TrainingLoop.Run(objective, options, progress, cancellationToken);
        }
    }
}
