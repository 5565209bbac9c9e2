using System.Diagnostics;
using System.Globalization;
using FacePortal.Shared.Evaluation;
using FacePortal.Shared.Faces.Embeddings;
using FacePortal.Training.Data;

namespace FacePortal.Training.Metric;

/// <summary>
/// One metric-learning run, the same for the command line and the training job: split the people
/// into train and test, train the projection on the training people's (augmented) features, then
/// test one-shot on the test people, raw embeddings beside the learned metric, and calibrate the
/// metric's threshold on the test people's pairs.
/// </summary>
public sealed class MetricRun(FeatureExtractor features)
{
    private static readonly double[] Fars = [1e-2, 1e-3];

    /// <summary>The first reason the dataset cannot be trained on, in a sentence, or null.</summary>
    public static string? Check(FaceDataset dataset, MetricRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        var withPairs = Enumerable.Range(0, dataset.Classes.Count).Count(c => dataset.CountOf(c) >= 3);
        if (withPairs < 4)
        {
            return $"Metric learning needs at least four people with three faces or more (some to train on, others for the one-shot test); there are {withPairs}.";
        }

        return options.Metric.Validate() ?? options.Head.Validate();
    }

    public MetricRunResult Run(
        FaceDataset dataset, MetricRunOptions options, IProgress<EpochMetrics>? epochs = null, IProgress<double>? extraction = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        if (Check(dataset, options) is { } problem)
        {
            throw new ArgumentException(problem, nameof(dataset));
        }

        // Only people with three faces or more take part: each needs two to train on and one for validation, or an enrolled face and probes.
        var usable = dataset.Faces.Where(f => dataset.CountOf(f.Label) >= 3).ToList();
        var seed = options.Head.Seed;
        var split = PeopleSplit.Of(usable.Select(f => f.Label).ToList(), options.Metric.TestPeopleFraction, seed);
        var trainPeopleFaces = usable.Where(f => split.Train.Contains(f.Label)).ToList();
        var testFaces = usable.Where(f => split.Test.Contains(f.Label)).ToList();
        var (trainIndex, validationIndex) = StratifiedSplit.Split(trainPeopleFaces.Select(f => f.Label).ToList(), options.ValidationFraction, seed);
        var trainFaces = trainIndex.Select(i => trainPeopleFaces[i]).ToList();
        var validationFaces = validationIndex.Select(i => trainPeopleFaces[i]).ToList();

        var started = Stopwatch.GetTimestamp();
        var trainFeatures = features.Extract(trainFaces, options.AugmentedCopies, options.Augmentation, seed, extraction, cancellationToken);
        var validationFeatures = features.Extract(validationFaces, 0, AugmentationOptions.None, seed, null, cancellationToken);
        var testFeatures = features.Extract(testFaces, 0, AugmentationOptions.None, seed, null, cancellationToken);
        var extractionTime = Stopwatch.GetElapsedTime(started);

        started = Stopwatch.GetTimestamp();
        var training = MetricTrainer.Train(trainFeatures, validationFeatures, options.Metric, options.Head, epochs, cancellationToken);
        var trainingTime = Stopwatch.GetElapsedTime(started);

        var inputs = trainFeatures.Dimensions;
        var outputs = options.Metric.OutputSize;
        var bestProjection = MetricTrainer.ToProjection(training.BestWeights, inputs, outputs, 0);
        var raw = Enumerable.Range(0, testFeatures.Count).Select(i => Unit(testFeatures.Row(i))).ToList();
        var projected = raw.Select(v => bestProjection.Project(v)).ToList();
        var (table, rawPairs, metricPairs) = Evaluate(raw, projected, testFeatures.Labels, split.Test.Count, options.Metric.Episodes, seed);
        var calibration = MetricCalibration.Calibrate(rawPairs, metricPairs, options.RawSimilarityThreshold);

        var people = split.Train.Order().Select(p => dataset.Classes[p]).ToList();
        var bestEpoch = training.Epochs.Single(e => e.Epoch == training.BestEpoch);
        var lastEpoch = training.Epochs[^1];
        var best = Checkpoint(people, inputs, outputs, bestEpoch, calibration.Threshold, training.BestWeights, bestProjection);
        var lastProjection = MetricTrainer.ToProjection(training.LastWeights, inputs, outputs, 0);
        var lastCalibration = MetricCalibration.Calibrate(rawPairs, OneShotEvaluation.Pairs(raw.Select(v => lastProjection.Project(v)).ToList(), testFeatures.Labels), options.RawSimilarityThreshold);
        var last = Checkpoint(people, inputs, outputs, lastEpoch, lastCalibration.Threshold, training.LastWeights, lastProjection);
        return new MetricRunResult(
            training,
            best,
            last,
            table,
            calibration,
            split,
            trainFeatures.Labels.Concat(validationFeatures.Labels).ToHashSet(),
            testFeatures.Labels.ToHashSet(),
            trainFaces.Count,
            trainFeatures.Count,
            validationFaces.Count,
            extractionTime,
            trainingTime);
    }

    /// <summary>N = 5 and N = every test person, then TAR at each FAR and ROC AUC, for both spaces.</summary>
    private static (OneShotTable Table, IReadOnlyList<VerificationPair> Raw, IReadOnlyList<VerificationPair> Metric) Evaluate(
        List<float[]> raw, List<float[]> projected, int[] labels, int testPeople, int episodes, int seed)
    {
        var rows = new List<OneShotRow>();
        foreach (var ways in new[] { 5, testPeople }.Where(n => n <= testPeople).Distinct())
        {
            rows.Add(new OneShotRow(
                ways == testPeople ? $"{ways}-way 1-shot accuracy (all test people)" : $"{ways}-way 1-shot accuracy",
                OneShotEvaluation.Accuracy(raw, labels, ways, episodes, seed),
                OneShotEvaluation.Accuracy(projected, labels, ways, episodes, seed)));
        }

        var rawPairs = OneShotEvaluation.Pairs(raw, labels);
        var metricPairs = OneShotEvaluation.Pairs(projected, labels);
        var rawReport = VerificationMetrics.Evaluate(rawPairs, Fars);
        var metricReport = VerificationMetrics.Evaluate(metricPairs, Fars);
        foreach (var far in Fars)
        {
            rows.Add(new OneShotRow(
                string.Create(CultureInfo.InvariantCulture, $"TAR at FAR {far:0e0}"),
                rawReport.TarAtFar.FirstOrDefault(t => t.Far == far)?.Tar,
                metricReport.TarAtFar.FirstOrDefault(t => t.Far == far)?.Tar));
        }

        rows.Add(new OneShotRow("ROC AUC", rawReport.RocAuc, metricReport.RocAuc));
        return (new OneShotTable(testPeople, labels.Length, episodes, rows), rawPairs, metricPairs);
    }

    private static MetricCheckpoint Checkpoint(
        IReadOnlyList<string> people, int inputs, int outputs, EpochMetrics epoch, float threshold, byte[] weights, EmbeddingProjection projection) => new(
        new MetricCheckpointInfo(people, inputs, outputs, epoch.Epoch, epoch.ValidationLoss, epoch.ValidationAccuracy, threshold, DateTime.UtcNow),
        weights,
        projection.WithThreshold(threshold));

    private static float[] Unit(ReadOnlySpan<float> row)
    {
        var vector = row.ToArray();
        EmbeddingMath.Normalize(vector);
        return vector;
    }
}
