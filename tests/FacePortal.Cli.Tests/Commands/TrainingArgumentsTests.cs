using FacePortal.Cli.Commands;
using FacePortal.Core.Training;
using FacePortal.Training.Augmentation;
using FacePortal.Training.Metric;
using FacePortal.Training.Transfer;

namespace FacePortal.Cli.Tests.Commands;

/// <summary>The train commands bind to the job's request and the option records: their defaults are the records', and a flag maps as the job's field does.</summary>
public sealed class TrainingArgumentsTests
{
    [Fact]
    public void Without_options_both_commands_run_with_the_option_records_defaults()
    {
        var none = new CommandArguments(["--data", "dir"]);

        var transfer = TrainingArguments.Request(none, ModelKind.TransferHead).ToRunOptions();
        var metric = TrainingArguments.MetricRun(none);

        var runDefaults = new TransferRunOptions();
        Assert.Equal(runDefaults with { Augmentation = transfer.Augmentation }, transfer);
        Assert.Equal(new AugmentationOptions(), transfer.Augmentation);
        Assert.Equal(new HeadTrainingOptions(), metric.Head); // 60 epochs, as the job's; the triplet command used to say 40.
        Assert.Equal(new MetricTrainingOptions(), metric.Metric);
        Assert.Equal(runDefaults.AugmentedCopies, metric.AugmentedCopies);
        Assert.Equal(new MetricRunOptions().RawSimilarityThreshold, metric.RawSimilarityThreshold);
    }

    [Fact]
    public void Options_override_their_fields_as_the_jobs_form_does()
    {
        var args = new CommandArguments([
            "--epochs", "7", "--batch", "16", "--optimizer", "sgd", "--lr", "0.01", "--momentum", "0.8", "--hidden", "64", "--dropout", "0.1",
            "--patience", "3", "--lr-factor", "0.25", "--lr-patience", "2", "--seed", "9", "--val", "0.3", "--copies", "2", "--no-mask",
            "--margin", "0.3", "--people-per-batch", "6", "--faces-per-person", "3", "--dim", "64", "--test-people", "0.4", "--episodes", "5", "--raw-threshold", "0.5",
        ]);

        var transfer = TrainingArguments.Request(args, ModelKind.TransferHead).ToRunOptions();
        var metric = TrainingArguments.MetricRun(args);

        Assert.Equal(
            new HeadTrainingOptions
            {
                Epochs = 7, BatchSize = 16, Optimizer = OptimizerKind.Sgd, LearningRate = 0.01, Momentum = 0.8, HiddenSize = 64, Dropout = 0.1,
                EarlyStoppingPatience = 3, LearningRateFactor = 0.25, LearningRatePatience = 2, Seed = 9,
            },
            transfer.Head);
        Assert.Equal((0.3, 2, 0.0), (transfer.ValidationFraction, transfer.AugmentedCopies, transfer.Augmentation.MaskProbability));
        Assert.Equal(new MetricTrainingOptions { Margin = 0.3, PeoplePerBatch = 6, FacesPerPerson = 3, OutputSize = 64, TestPeopleFraction = 0.4, Episodes = 5 }, metric.Metric);
        Assert.Equal(transfer.Head, metric.Head);
        Assert.Equal(0.5f, metric.RawSimilarityThreshold);
    }

    [Fact]
    public void Without_augmentation_no_copies_are_made_and_an_unknown_optimizer_is_named()
    {
        var plain = TrainingArguments.Request(new CommandArguments(["--no-augment"]), ModelKind.TransferHead).ToRunOptions();
        var refused = Assert.Throws<CommandLineException>(() => TrainingArguments.Request(new CommandArguments(["--optimizer", "lbfgs"]), ModelKind.TransferHead));

        Assert.Equal((0, AugmentationOptions.None), (plain.AugmentedCopies, plain.Augmentation));
        Assert.Equal("--optimizer must be one of adam, rmsprop, sgd, not 'lbfgs'.", refused.Message);
    }
}
