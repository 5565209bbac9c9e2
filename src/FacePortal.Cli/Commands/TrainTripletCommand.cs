using FacePortal.Training.Data;
using FacePortal.Training.Features;
using FacePortal.Training.Metric;
using FacePortal.Training.Transfer;
using TorchSharp;

namespace FacePortal.Cli.Commands;

/// <summary>
/// train --data DIR --model triplet: a projection head learnt with semi-hard triplet loss on some
/// people, tested one-shot on the others; prints each epoch and the one-shot table, raw beside metric.
/// </summary>
public static class TrainTripletCommand
{
    public static int Run(CommandArguments args, FacePipeline pipeline, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(output);
        var options = TrainingArguments.MetricRun(args);

        var (dataset, skipped) = FolderDataset.Load(pipeline, args.Required("data"));
        foreach (var line in skipped)
        {
            output.WriteLine($"skipped {line}");
        }

        if (MetricRun.Check(dataset, options) is { } problem)
        {
            output.WriteLine(problem);
            return 2;
        }

        output.WriteLine(MachineInfo.Describe());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{dataset.Classes.Count} people, {dataset.Faces.Count} faces ({skipped.Count} without a usable face); triplet loss, margin {options.Metric.Margin}, batches of {options.Metric.PeoplePerBatch} people x {options.Metric.FacesPerPerson} faces, {options.Metric.OutputSize}-d; on {(torch.cuda.is_available() ? "CUDA" : "CPU")}"));
        output.WriteLine("epoch  train loss  ordered  val loss  val 1-NN  learning rate");
        var result = new MetricRun(new FeatureExtractor(pipeline.Embedder)).Run(dataset, options, TrainCommand.EpochPrinter(output));
        output.WriteLine(result.Training.StoppedEarlyBecause is { } why ? $"Stopped early: {why}" : "Ran every epoch.");
        output.WriteLine($"Trained on {result.Split.Train.Count} people ({result.TrainFaces} faces x {1 + options.AugmentedCopies} = {result.TrainSamples} samples, {result.ValidationFaces} for validation); tested on the other {result.Split.Test.Count}, never seen: {string.Join(", ", result.Split.Test.Order().Select(p => dataset.Classes[p]))}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Time: feature extraction {result.FeatureExtraction.TotalSeconds:0.0} s, head training {result.HeadTraining.TotalSeconds:0.0} s; best epoch {result.Training.BestEpoch}"));
        WriteTable(output, result.OneShot);
        var calibration = result.Calibration;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Threshold: raw {calibration.RawThreshold:0.000} accepts {calibration.TargetFar:P3} of different-person pairs and {calibration.RawTar:P1} of same-person pairs; the metric at {calibration.Threshold:0.000} accepts at most as many strangers and {calibration.MetricTar:P1} of same-person pairs"));
        return 0;
    }

    public static void WriteTable(TextWriter output, OneShotTable table)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(table);
        output.WriteLine($"One-shot on {table.TestPeople} unseen people ({table.TestFaces} faces; accuracies are the mean of {table.Episodes} seeded episodes):");
        var width = table.Rows.Max(r => r.Measure.Length) + 2;
        output.WriteLine($"{"".PadRight(width)}{"raw 512-d",10}  {"metric",8}");
        foreach (var row in table.Rows)
        {
            output.WriteLine($"{row.Measure.PadRight(width)}{Format(row.Raw),10}  {Format(row.Metric),8}");
        }
    }

    private static string Format(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "n/a";
}
