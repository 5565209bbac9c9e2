using FacePortal.Shared.Search;
using FacePortal.Training.Callbacks;
using FacePortal.Training.Features;
using FacePortal.Training.Heads;
using FacePortal.Training.Transfer;
using TorchSharp;
using static TorchSharp.torch;

namespace FacePortal.Training.Metric;

/// <summary>
/// Trains a <see cref="ProjectionHead"/> with semi-hard triplet loss on P x K batches of cached
/// features, with the same callbacks as the classifier heads: best checkpoint by validation loss,
/// ReduceLROnPlateau and early stopping. An epoch is as many batches as it takes to see about every
/// training row once. Train accuracy is the share of mined triplets whose negative is farther than
/// the positive; validation accuracy names each validation face by its nearest other validation face.
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
            return TrainLocked(train, validation, metric, head, progress, cancellationToken);
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

    private static HeadTrainingResult TrainLocked(
        FeatureSet train, FeatureSet validation, MetricTrainingOptions metric, HeadTrainingOptions options, IProgress<EpochMetrics>? progress, CancellationToken cancellationToken)
    {
        torch.manual_seed(options.Seed);
        using var model = new ProjectionHead(train.Dimensions, metric.OutputSize);
        using var xTrain = torch.tensor(train.Values, [train.Count, train.Dimensions]);
        using var xValidation = torch.tensor(validation.Values, [validation.Count, validation.Dimensions]);
        using var optimizer = HeadTrainer.CreateOptimizer(model, options);
        var sampler = new PkSampler(train.Labels, metric.PeoplePerBatch, metric.FacesPerPerson, options.Seed);
        var batchesPerEpoch = Math.Max(1, train.Count / (metric.PeoplePerBatch * metric.FacesPerPerson));
        var early = new EarlyStopping(options.EarlyStoppingPatience);
        var plateau = new PlateauLearningRate(options.LearningRateFactor, options.LearningRatePatience);
        var best = new BestCheckpoint();
        var epochs = new List<EpochMetrics>();
        var learningRate = options.LearningRate;
        string? stoppedEarly = null;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            model.train();
            double lossSum = 0;
            long triplets = 0, ordered = 0;
            var batches = 0;
            for (var b = 0; b < batchesPerEpoch; b++)
            {
                using var scope = torch.NewDisposeScope();
                var rows = sampler.Next();
                var labels = rows.Select(r => train.Labels[r]).ToArray();
                optimizer.zero_grad();
                var embeddings = model.forward(xTrain.index_select(0, torch.tensor(rows)));
                if (TripletLoss.Compute(embeddings, labels, metric.Margin) is not { } batch)
                {
                    continue;
                }

                batch.Loss.backward();
                optimizer.step();
                lossSum += batch.Loss.item<float>();
                triplets += batch.Triplets;
                ordered += batch.Ordered;
                batches++;
            }

            var (validationLoss, validationAccuracy) = Evaluate(model, xValidation, validation.Labels, metric.Margin);
            var metrics = new EpochMetrics(epoch, lossSum / Math.Max(1, batches), ordered / (double)Math.Max(1, triplets), validationLoss, validationAccuracy, learningRate);
            epochs.Add(metrics);
            progress?.Report(metrics);
            best.Offer(epoch, validationLoss, () => HeadTrainer.Save(model));

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

        return new HeadTrainingResult(epochs, best.BestEpoch, best.Weights!, HeadTrainer.Save(model), stoppedEarly);
    }

    /// <summary>Semi-hard triplet loss over the whole validation set as one batch, and its leave-one-out nearest-neighbour accuracy.</summary>
    private static (double Loss, double Accuracy) Evaluate(ProjectionHead model, Tensor x, int[] labels, double margin)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var embeddings = model.forward(x);
        var loss = TripletLoss.Compute(embeddings, labels, margin)?.Loss.item<float>() ?? 0;
        // Cosines lie in [-1, 1]; subtracting 4 on the diagonal keeps a face from being its own neighbour.
        var similarities = embeddings.mm(embeddings.t()) - (torch.eye(labels.Length) * 4);
        var nearest = similarities.argmax(1).data<long>().ToArray();
        var correct = nearest.Where((n, i) => labels[n] == labels[i]).Count();
        return (loss, correct / (double)Math.Max(1, labels.Length));
    }
}
