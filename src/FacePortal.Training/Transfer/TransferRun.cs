using System.Diagnostics;
using FacePortal.Shared.Faces.Embeddings;
using FacePortal.Training.Data;
using FacePortal.Training.Metrics;

namespace FacePortal.Training.Transfer;

/// <summary>
/// One transfer-learning run, the same for the command line and the training job: split, extract
/// features of augmented training faces once, train the head, then evaluate the best checkpoint on
/// the validation faces, plain and with a synthetic mask.
/// </summary>
public sealed class TransferRun(FeatureExtractor features)
{
    /// <summary>The first reason the dataset cannot be trained on, in a sentence, or null.</summary>
    public static string? Check(FaceDataset train, FaceDataset? validation, TransferRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        if (train.Classes.Count < 2)
        {
            return "Training needs at least two people.";
        }

        var needed = validation is null ? options.MinFacesPerPerson : 1;
        var tooFew = Enumerable.Range(0, train.Classes.Count).Where(c => train.CountOf(c) < needed).Select(c => $"{train.Classes[c]} ({train.CountOf(c)})").ToList();
        if (tooFew.Count > 0)
        {
            return $"Each person needs at least {needed} usable face(s); too few: {string.Join(", ", tooFew)}.";
        }

        return options.Head.Validate();
    }

    public TransferRunResult Run(
        FaceDataset dataset, FaceDataset? validationSet, TransferRunOptions options, IProgress<EpochMetrics>? epochs = null, IProgress<double>? extraction = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        if (Check(dataset, validationSet, options) is { } problem)
        {
            throw new ArgumentException(problem, nameof(dataset));
        }

        IReadOnlyList<LabelledFace> trainFaces;
        IReadOnlyList<LabelledFace> validationFaces;
        if (validationSet is null)
        {
            var (trainIndex, validationIndex) = StratifiedSplit.Split(dataset.Faces.Select(f => f.Label).ToList(), options.ValidationFraction, options.Head.Seed);
            trainFaces = trainIndex.Select(i => dataset.Faces[i]).ToList();
            validationFaces = validationIndex.Select(i => dataset.Faces[i]).ToList();
        }
        else
        {
            trainFaces = dataset.Faces;
            validationFaces = validationSet.Faces;
        }

        var started = Stopwatch.GetTimestamp();
        var trainFeatures = features.Extract(trainFaces, options.AugmentedCopies, options.Augmentation, options.Head.Seed, extraction, cancellationToken);
        var validationFeatures = features.Extract(validationFaces, 0, AugmentationOptions.None, options.Head.Seed, null, cancellationToken);
        var masked = validationFaces.Select((f, i) => f with { Face = FaceAugmenter.Augment(f.Face, AugmentationOptions.None with { MaskProbability = 1 }, new Random(options.Head.Seed + i)) }).ToList();
        var maskedFeatures = features.Extract(masked, 0, AugmentationOptions.None, options.Head.Seed, null, cancellationToken);
        var extractionTime = Stopwatch.GetElapsedTime(started);

        started = Stopwatch.GetTimestamp();
        var training = HeadTrainer.Train(trainFeatures, validationFeatures, dataset.Classes.Count, options.Head, epochs, cancellationToken);
        var trainingTime = Stopwatch.GetElapsedTime(started);

        var bestEpoch = training.Epochs.Single(e => e.Epoch == training.BestEpoch);
        var lastEpoch = training.Epochs[^1];
        var best = HeadCheckpoint.FromWeights(Info(dataset, options, bestEpoch), training.BestWeights);
        var last = HeadCheckpoint.FromWeights(Info(dataset, options, lastEpoch), training.LastWeights);
        var (predicted, _) = best.Predict(validationFeatures);
        var (maskedPredicted, _) = best.Predict(maskedFeatures);
        var maskedAccuracy = maskedPredicted.Where((p, i) => p == maskedFeatures.Labels[i]).Count() / (double)Math.Max(1, maskedFeatures.Count);
        return new TransferRunResult(
            training,
            best,
            last,
            new ConfusionMatrix(dataset.Classes.Count, validationFeatures.Labels, predicted),
            maskedAccuracy,
            OpenSetCalibration.Calibrate(best.Classifier, validationFeatures),
            trainFaces.Count,
            trainFeatures.Count,
            validationFaces.Count,
            extractionTime,
            trainingTime);
    }

    private static HeadCheckpointInfo Info(FaceDataset dataset, TransferRunOptions options, EpochMetrics epoch) => new(
        dataset.Classes,
        Shared.Faces.Embeddings.FaceEmbedder.Dimensions,
        options.Head.HiddenSize,
        options.Head.Dropout,
        epoch.Epoch,
        epoch.ValidationLoss,
        epoch.ValidationAccuracy,
        DateTime.UtcNow);
}
