using FacePortal.Training.Callbacks;
using static TorchSharp.torch;

namespace FacePortal.Training.Loop;

/// <summary>
/// The one epoch loop every kind of model trains with: each epoch runs the objective's batches
/// through the chosen optimizer, then validates, reports the epoch's figures (the curves), keeps the
/// best weights, lowers the learning rate on a plateau and stops early when validation stalls.
/// Cancellation is checked before each epoch. Each batch's tensors are disposed by scope; call it
/// holding <see cref="TorchGate.Lock"/>, on one thread (TorchSharp's requirement).
/// </summary>
public static class TrainingLoop
{
    public static HeadTrainingResult Run(
        ITrainingObjective objective, HeadTrainingOptions options, IProgress<EpochMetrics>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(options);
        var model = objective.Model;
        using var optimizer = new ParameterUpdate(model, options.Optimizer, options.LearningRate, options.Momentum);
        var early = new EarlyStopping(options.EarlyStoppingPatience);
        var plateau = new PlateauLearningRate(options.LearningRateFactor, options.LearningRatePatience);
        var best = new BestCheckpoint();
        var epochs = new List<EpochMetrics>();
        var learningRate = options.LearningRate;
        string? stoppedEarly = null;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (trainLoss, trainAccuracy) = TrainEpoch(objective, optimizer);
            var (validationLoss, validationAccuracy) = objective.Evaluate();
            var metrics = new EpochMetrics(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, learningRate);
            epochs.Add(metrics);
            progress?.Report(metrics);
            best.Offer(epoch, validationLoss, () => SaveWeights(model));

            var next = plateau.Step(validationLoss, learningRate);
            if (next != learningRate)
            {
                learningRate = next;
                optimizer.LearningRate = learningRate;
            }

            if (early.ShouldStop(validationLoss))
            {
                stoppedEarly = $"The validation loss did not improve for {options.EarlyStoppingPatience} epochs.";
                break;
            }
        }

        return new HeadTrainingResult(epochs, best.BestEpoch, best.Weights!, SaveWeights(model), stoppedEarly);
    }

    /// <summary>TorchSharp's own serialization of a module's parameters and buffers.</summary>
    public static byte[] SaveWeights(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var buffer = new MemoryStream();
        model.save(buffer);
        return buffer.ToArray();
    }

    private static (double Loss, double Accuracy) TrainEpoch(ITrainingObjective objective, ParameterUpdate optimizer)
    {
        objective.Model.train();
        double lossSum = 0, weight = 0;
        long hits = 0, trials = 0;
        foreach (var rows in objective.Batches())
        {
            using var scope = torch.NewDisposeScope();
            optimizer.ZeroGrad();
            if (objective.Loss(rows) is not { } batch)
            {
                continue;
            }

            batch.Loss.backward();
            optimizer.Step();
            lossSum += batch.Loss.item<float>() * (float)batch.Weight; // In float, as the figures were always computed.
            weight += batch.Weight;
            hits += batch.Hits;
            trials += batch.Trials;
        }

        // An epoch whose every batch was skipped reports zeros rather than NaN.
        return (lossSum / Math.Max(1, weight), hits / (double)Math.Max(1, trials));
    }
}
