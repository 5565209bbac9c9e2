using System.Diagnostics;
using FacePortal.Shared.Faces.Alignment;
using FacePortal.Training.Data;
using FacePortal.Training.Loop;
using FacePortal.Training.Metrics;
using static TorchSharp.torch;

namespace FacePortal.Training.Scratch;

/// <summary>What a from-scratch run produced; a job keeps none of its checkpoints, since it is a baseline for comparison.</summary>
public sealed record ScratchRunResult(
    HeadTrainingResult Training, ConfusionMatrix Validation, int TrainFaces, int TrainSamples, int ValidationFaces, TimeSpan Preparation, TimeSpan NetworkTraining,
    ScratchCheckpoint Best, ScratchCheckpoint Last) : IRunReport
{
    TimeSpan IRunReport.PreparationTime => Preparation;

    TimeSpan IRunReport.TrainingTime => NetworkTraining;
}

/// <summary>
/// The same split, augmentation and training loop as <see cref="TransferRun"/>, but the network sees
/// pixels (the aligned crops scaled to 56x56) and learns everything itself.
/// </summary>
public static class ScratchRun
{
    public static ScratchRunResult Run(FaceDataset dataset, TransferRunOptions options, IProgress<EpochMetrics>? epochs = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        if (TransferRun.Check(dataset, null, options) is { } problem)
        {
            throw new ArgumentException(problem, nameof(dataset));
        }

        var started = Stopwatch.GetTimestamp();
        var (trainIndex, validationIndex) = StratifiedSplit.Split(dataset.Faces.Select(f => f.Label).ToList(), options.ValidationFraction, options.Head.Seed);
        var train = new List<(AlignedFace Face, int Label)>();
        foreach (var i in trainIndex)
        {
            var face = dataset.Faces[i];
            train.Add((face.Face, face.Label));
            for (var copy = 1; copy <= options.AugmentedCopies; copy++)
            {
                train.Add((FaceAugmenter.Augment(face.Face, options.Augmentation, new Random(HashCode.Combine(options.Head.Seed, i, copy))), face.Label));
            }
        }

        var validation = validationIndex.Select(i => (dataset.Faces[i].Face, dataset.Faces[i].Label)).ToList();
        var preparation = Stopwatch.GetElapsedTime(started);
        lock (TorchGate.Lock)
        {
            started = Stopwatch.GetTimestamp();
            torch.manual_seed(options.Head.Seed);
            using var network = new ScratchCnn(dataset.Classes.Count, options.Head.Dropout);
            using var xTrain = Pixels(train.Select(t => t.Face).ToList());
            using var yTrain = torch.tensor(train.Select(t => (long)t.Label).ToArray());
            using var xValidation = Pixels(validation.Select(v => v.Face).ToList());
            using var yValidation = torch.tensor(validation.Select(v => (long)v.Label).ToArray());
            var objective = new ClassifierObjective(network, xTrain, yTrain, xValidation, yValidation, options.Head.BatchSize, options.Head.Seed);
            var training = TrainingLoop.Run(objective, options.Head, epochs, cancellationToken);

            using var best = new MemoryStream(training.BestWeights);
            network.load(best);
            network.eval();
            using var noGrad = torch.no_grad();
            using var predictions = network.forward(xValidation).argmax(1);
            var predicted = predictions.data<long>().Select(p => (int)p).ToArray();
            return new ScratchRunResult(
                training,
                new ConfusionMatrix(dataset.Classes.Count, validation.Select(v => v.Label).ToArray(), predicted),
                trainIndex.Length,
                train.Count,
                validation.Count,
                preparation,
                Stopwatch.GetElapsedTime(started),
                Checkpoint(dataset, options, training, training.BestEpoch, training.BestWeights),
                Checkpoint(dataset, options, training, training.Epochs[^1].Epoch, training.LastWeights));
        }
    }

    private static ScratchCheckpoint Checkpoint(FaceDataset dataset, TransferRunOptions options, HeadTrainingResult training, int epoch, byte[] weights)
    {
        var figures = training.Epochs.Single(e => e.Epoch == epoch);
        return new ScratchCheckpoint(
            new ScratchCheckpointInfo(dataset.Classes, ScratchCnn.InputSize, options.Head.Dropout, epoch, figures.ValidationLoss, figures.ValidationAccuracy, DateTime.UtcNow),
            weights);
    }

    /// <summary>Faces as a [N, 3, 56, 56] tensor scaled to about -1..1 (the embedder's normalisation).</summary>
    private static Tensor Pixels(IReadOnlyList<AlignedFace> faces)
    {
        const int size = ScratchCnn.InputSize;
        var values = new float[faces.Count * 3 * size * size];
        for (var n = 0; n < faces.Count; n++)
        {
            var rgba = faces[n].Rgba.Span;
            var side = faces[n].Size;
            var step = side / size;
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        // Average each step x step block: a box filter down to 56 px.
                        float sum = 0;
                        for (var dy = 0; dy < step; dy++)
                        {
                            for (var dx = 0; dx < step; dx++)
                            {
                                sum += rgba[((((y * step) + dy) * side) + (x * step) + dx) * 4 + c];
                            }
                        }

                        values[(((n * 3) + c) * size * size) + (y * size) + x] = ((sum / (step * step)) - 127f) / 128f;
                    }
                }
            }
        }

        return torch.tensor(values, [faces.Count, 3, size, size]);
    }
}
