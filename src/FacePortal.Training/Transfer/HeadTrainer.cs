using FacePortal.Training.Callbacks;
using FacePortal.Training.Features;
using FacePortal.Training.Heads;
using TorchSharp;
using static TorchSharp.torch;

namespace FacePortal.Training.Transfer;

/// <summary>
/// Trains a <see cref="TransferHead"/> on cached features with mini-batches, early stopping,
/// ReduceLROnPlateau and best-checkpoint keeping. TorchSharp work stays on the calling thread and
/// each batch's tensors are disposed by scope.
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
            return TrainLocked(train, validation, classes, options, progress, cancellationToken);
        }
    }

    private static HeadTrainingResult TrainLocked(
        FeatureSet train, FeatureSet validation, int classes, HeadTrainingOptions options, IProgress<EpochMetrics>? progress, CancellationToken cancellationToken)
    {
        torch.manual_seed(options.Seed);
        using var head = new TransferHead(train.Dimensions, options.HiddenSize, classes, options.Dropout);
        using var xTrain = torch.tensor(train.Values, [train.Count, train.Dimensions]);
        using var yTrain = torch.tensor(train.Labels.Select(l => (long)l).ToArray());
        using var xValidation = torch.tensor(validation.Values, [validation.Count, validation.Dimensions]);
        using var yValidation = torch.tensor(validation.Labels.Select(l => (long)l).ToArray());
        return Fit(head, xTrain, yTrain, xValidation, yValidation, options, progress, cancellationToken);
    }

    /// <summary>
    /// The training loop for any classifier network: shuffled mini-batches, cross-entropy, the
    /// chosen optimizer, and after each epoch validation, best checkpoint, ReduceLROnPlateau and
    /// early stopping. Call it holding <see cref="TorchGate.Lock"/>.
    /// </summary>
    internal static HeadTrainingResult Fit(
        nn.Module<Tensor, Tensor> model, Tensor xTrain, Tensor yTrain, Tensor xValidation, Tensor yValidation,
        HeadTrainingOptions options, IProgress<EpochMetrics>? progress, CancellationToken cancellationToken)
    {
        using var optimizer = CreateOptimizer(model, options);
        var early = new EarlyStopping(options.EarlyStoppingPatience);
        var plateau = new PlateauLearningRate(options.LearningRateFactor, options.LearningRatePatience);
        var best = new BestCheckpoint();
        var epochs = new List<EpochMetrics>();
        var order = Enumerable.Range(0, (int)xTrain.shape[0]).Select(i => (long)i).ToArray();
        var random = new Random(options.Seed);
        var learningRate = options.LearningRate;
        string? stoppedEarly = null;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            model.train();
            random.Shuffle(order);
            double lossSum = 0;
            long correct = 0;
            var seen = 0;
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                var count = Math.Min(options.BatchSize, order.Length - start);
                if (count < 2)
                {
                    continue; // Batch norm cannot normalise a batch of one in training mode.
                }

                using var scope = torch.NewDisposeScope();
                var index = torch.tensor(order.AsSpan(start, count).ToArray());
                var x = xTrain.index_select(0, index);
                var y = yTrain.index_select(0, index);
                optimizer.zero_grad();
                var logits = model.forward(x);
                var loss = nn.functional.cross_entropy(logits, y);
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>() * count;
                correct += logits.argmax(1).eq(y).sum().item<long>();
                seen += count;
            }

            var (validationLoss, validationAccuracy) = Evaluate(model, xValidation, yValidation);
            var metrics = new EpochMetrics(epoch, lossSum / seen, correct / (double)seen, validationLoss, validationAccuracy, learningRate);
            epochs.Add(metrics);
            progress?.Report(metrics);
            best.Offer(epoch, validationLoss, () => Save(model));

            var next = plateau.Step(validationLoss, learningRate);
            if (next != learningRate)
            {
                learningRate = next;
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = learningRate;
                }
            }

            if (early.ShouldStop(validationLoss))
            {
                stoppedEarly = $"The validation loss did not improve for {options.EarlyStoppingPatience} epochs.";
                break;
            }
        }

        return new HeadTrainingResult(epochs, best.BestEpoch, best.Weights!, Save(model), stoppedEarly);
    }

    /// <summary>Mean cross-entropy and accuracy of the head on a labelled set, in evaluation mode.</summary>
    public static (double Loss, double Accuracy) Evaluate(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var logits = model.forward(x);
        var loss = nn.functional.cross_entropy(logits, y).item<float>();
        var accuracy = logits.argmax(1).eq(y).to_type(ScalarType.Float32).mean().item<float>();
        return (loss, accuracy);
    }

    public static byte[] Save(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var buffer = new MemoryStream();
        model.save(buffer);
        return buffer.ToArray();
    }

    internal static optim.Optimizer CreateOptimizer(nn.Module model, HeadTrainingOptions options) => options.Optimizer switch
    {
        OptimizerKind.Adam => optim.Adam(model.parameters(), options.LearningRate),
        OptimizerKind.RmsProp => optim.RMSProp(model.parameters(), options.LearningRate, momentum: options.Momentum),
        OptimizerKind.Sgd => optim.SGD(model.parameters(), options.LearningRate, momentum: options.Momentum),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, "Unknown optimizer."),
    };
}
