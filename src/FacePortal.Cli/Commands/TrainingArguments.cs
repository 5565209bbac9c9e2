using FacePortal.Core.Training;
using FacePortal.Training.Metric;
using FacePortal.Training.Transfer;

namespace FacePortal.Cli.Commands;

/// <summary>
/// The train commands' options bound onto the training job's own request record, so a command
/// line and a job with the same values run the same (<see cref="TrainingRequest.ToRunOptions"/>),
/// and every default is the option records' (an option left out keeps the record's value).
/// </summary>
public static class TrainingArguments
{
    public static TrainingRequest Request(CommandArguments args, ModelKind model)
    {
        ArgumentNullException.ThrowIfNull(args);
        var defaults = new TrainingRequest();
        return defaults with
        {
            Model = model,
            ValidationFraction = args.Double("val", defaults.ValidationFraction),
            AugmentedCopies = args.Int("copies", defaults.AugmentedCopies),
            Augment = !args.Flag("no-augment"),
            SyntheticMasks = !args.Flag("no-mask"),
            Head = Head(args, defaults.Head),
            Metric = Metric(args, defaults.Metric),
        };
    }

    /// <summary>The metric run's options: the request's, and the raw threshold the metric's is calibrated against.</summary>
    public static MetricRunOptions MetricRun(CommandArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var raw = new MetricRunOptions().RawSimilarityThreshold;
        return Request(args, ModelKind.MetricTriplet).ToMetricOptions((float)args.Double("raw-threshold", raw));
    }

    private static HeadTrainingOptions Head(CommandArguments args, HeadTrainingOptions defaults) => defaults with
    {
        Epochs = args.Int("epochs", defaults.Epochs),
        BatchSize = args.Int("batch", defaults.BatchSize),
        Optimizer = args.Optional("optimizer") is { } optimizer ? Optimizer(optimizer) : defaults.Optimizer,
        LearningRate = args.Double("lr", defaults.LearningRate),
        Momentum = args.Double("momentum", defaults.Momentum),
        HiddenSize = args.Int("hidden", defaults.HiddenSize),
        Dropout = args.Double("dropout", defaults.Dropout),
        EarlyStoppingPatience = args.Int("patience", defaults.EarlyStoppingPatience),
        LearningRateFactor = args.Double("lr-factor", defaults.LearningRateFactor),
        LearningRatePatience = args.Int("lr-patience", defaults.LearningRatePatience),
        Seed = args.Int("seed", defaults.Seed),
    };

    private static MetricTrainingOptions Metric(CommandArguments args, MetricTrainingOptions defaults) => defaults with
    {
        Margin = args.Double("margin", defaults.Margin),
        PeoplePerBatch = args.Int("people-per-batch", defaults.PeoplePerBatch),
        FacesPerPerson = args.Int("faces-per-person", defaults.FacesPerPerson),
        OutputSize = args.Int("dim", defaults.OutputSize),
        TestPeopleFraction = args.Double("test-people", defaults.TestPeopleFraction),
        Episodes = args.Int("episodes", defaults.Episodes),
    };

    private static OptimizerKind Optimizer(string value) =>
        Enum.TryParse<OptimizerKind>(value, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new CommandLineException($"--optimizer must be one of {string.Join(", ", Enum.GetNames<OptimizerKind>()).ToLowerInvariant()}, not '{value}'.");
}
