using System.Text.Json;
using FacePortal.Core.Training;
using FacePortal.Training.Checkpoints;
using FacePortal.Training.Data;
using FacePortal.Training.Features;
using FacePortal.Training.Metrics;
using FacePortal.Training.Scratch;
using FacePortal.Training.Transfer;
using TorchSharp;

namespace FacePortal.Cli.Commands;

/// <summary>
/// train --data DIR: transfer learning on a folder per person (train/ and val/ when present, else a
/// stratified split), printing each epoch, the validation accuracy and the confusion matrix.
/// </summary>
public static class TrainCommand
{
    public static int Run(CommandArguments args, TextWriter output)
    {
        var data = args.Required("data");
        var options = TrainingArguments.Request(args, ModelKind.TransferHead).ToRunOptions();

        var (models, pipeline) = PipelineFactory.Create(args);
        using (models)
        {
            if (args.Optional("model") is { } metric && metric.Equals("triplet", StringComparison.OrdinalIgnoreCase))
            {
                return TrainTripletCommand.Run(args, pipeline, output);
            }

            var split = Directory.Exists(Path.Combine(data, "train")) && Directory.Exists(Path.Combine(data, "val"));
            var (train, skipped) = FolderDataset.Load(pipeline, split ? Path.Combine(data, "train") : data);
            var validation = split ? FolderDataset.Load(pipeline, Path.Combine(data, "val"), train.Classes) : default;
            foreach (var line in skipped.Concat(validation.Skipped ?? []))
            {
                output.WriteLine($"skipped {line}");
            }

            if (TransferRun.Check(train, validation.Dataset, options) is { } problem)
            {
                output.WriteLine(problem);
                return 2;
            }

            if (args.Optional("model") is { } kind && kind.Equals("scratch", StringComparison.OrdinalIgnoreCase))
            {
                return RunScratch(output, train, options, args.Optional("out"));
            }

            var device = torch.cuda.is_available() ? "CUDA" : "CPU";
            output.WriteLine($"{train.Classes.Count} people, {train.Faces.Count} faces{(split ? $" + {validation.Dataset!.Faces.Count} in val/" : string.Empty)}; training on {device}");
            output.WriteLine("epoch  train loss  train acc  val loss  val acc  learning rate");
            using var result = new TransferRun(new FeatureExtractor(pipeline.Embedder)).Run(
                train, validation.Dataset, options, EpochPrinter(output));

            output.WriteLine(result.Training.StoppedEarlyBecause is { } why ? $"Stopped early: {why}" : "Ran every epoch.");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Best epoch {result.Training.BestEpoch}: validation accuracy {result.Validation.Accuracy:P1}, macro F1 {result.Validation.MacroF1:0.000}; with a synthetic mask {result.MaskedValidationAccuracy:P1}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Samples: {result.TrainFaces} training faces x {1 + options.AugmentedCopies} = {result.TrainSamples}; {result.ValidationFaces} validation faces"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Time: feature extraction {result.FeatureExtraction.TotalSeconds:0.0} s, head training {result.HeadTraining.TotalSeconds:0.0} s"));
            WriteConfusion(output, train.Classes, result.Validation);

            if (args.Optional("out") is { } outDirectory)
            {
                Directory.CreateDirectory(outDirectory);
                using (var best = File.Create(Path.Combine(outDirectory, "best.fphead")))
                {
                    result.Best.Save(best);
                }

                using (var last = File.Create(Path.Combine(outDirectory, "last.fphead")))
                {
                    result.Last.Save(last);
                }

                File.WriteAllText(Path.Combine(outDirectory, "metrics.json"), JsonSerializer.Serialize(
                    new { result.Training.Epochs, result.Training.BestEpoch, Confusion = result.Validation.Counts, Classes = train.Classes, result.MaskedValidationAccuracy },
                    new JsonSerializerOptions { WriteIndented = true }));
                output.WriteLine($"Wrote best.fphead, last.fphead and metrics.json to {outDirectory}");
            }
        }

        return 0;
    }

    private static int RunScratch(TextWriter output, FaceDataset train, TransferRunOptions options, string? outDirectory)
    {
        output.WriteLine($"{train.Classes.Count} people, {train.Faces.Count} faces; a CNN from scratch on 56x56 crops, on {(torch.cuda.is_available() ? "CUDA" : "CPU")}");
        output.WriteLine("epoch  train loss  train acc  val loss  val acc  learning rate");
        var result = ScratchRun.Run(train, options, EpochPrinter(output));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Best epoch {result.Training.BestEpoch}: validation accuracy {result.Validation.Accuracy:P1}, macro F1 {result.Validation.MacroF1:0.000}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Time: augmentation {result.Preparation.TotalSeconds:0.0} s, network training {result.NetworkTraining.TotalSeconds:0.0} s"));
        WriteConfusion(output, train.Classes, result.Validation);
        if (outDirectory is not null)
        {
            Directory.CreateDirectory(outDirectory);
            File.WriteAllBytes(Path.Combine(outDirectory, "best.fpcnn"), result.Best.ToBytes());
            File.WriteAllBytes(Path.Combine(outDirectory, "last.fpcnn"), result.Last.ToBytes());
            output.WriteLine($"Wrote best.fpcnn and last.fpcnn to {outDirectory}");
        }

        return 0;
    }

    private static void WriteConfusion(TextWriter output, IReadOnlyList<string> classes, ConfusionMatrix matrix)
    {
        output.WriteLine("Confusion matrix (rows: actual, columns: predicted):");
        var width = Math.Max(6, classes.Max(c => c.Length) + 1);
        output.WriteLine(new string(' ', width) + string.Concat(Enumerable.Range(0, classes.Count).Select(i => $"{i,5}")) + "  precision  recall  F1");
        for (var a = 0; a < classes.Count; a++)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{classes[a].PadRight(width)}{string.Concat(matrix.Counts[a].Select(n => $"{n,5}"))}  {matrix.Precision(a),9:0.000}  {matrix.Recall(a),6:0.000}  {matrix.F1(a):0.000}   ({a})"));
        }
    }

    /// <summary>One line per epoch under the header "epoch  train loss  train acc  val loss  val acc  learning rate".</summary>
    internal static IProgress<EpochMetrics> EpochPrinter(TextWriter output) => new ImmediateProgress<EpochMetrics>(e => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{e.Epoch,5}  {e.TrainLoss,10:0.0000}  {e.TrainAccuracy,9:P1}  {e.ValidationLoss,8:0.0000}  {e.ValidationAccuracy,7:P1}  {e.LearningRate,13:0.######}")));

    /// <summary>Reports on the training thread, at once (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
