using FacePortal.Shared.Evaluation.Liveness;
using FacePortal.Shared.Faces.Attributes;

namespace FacePortal.Cli.Commands;

/// <summary>
/// liveness-eval --data DIR [--out DIR] [--limit N]: makes live-like and spoofed frames from the photos
/// in DIR (a photo of a photo, a screen, a low-contrast print) and prints how well fr_liveness separates them.
/// </summary>
public static class LivenessEvalCommand
{
    public static int Run(CommandArguments args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var photos = ImageFolder.List(args.Required("data")).Take(args.Int("limit", int.MaxValue)).ToList();
        if (photos.Count < 2)
        {
            throw new CommandLineException("liveness-eval needs at least two photos (one is the scene another is held up in).");
        }

        var (models, pipeline) = PipelineFactory.Create(args);
        using (models)
        using (var analyzer = new FaceAttributeAnalyzer(models.Options))
        {
            var result = new LivenessEvaluation(pipeline, analyzer).Run(photos, args.Optional("out"));
            Print(result, photos.Count, output);
        }

        return 0;
    }

    private static void Print(LivenessEvaluation.Result result, int photos, TextWriter output)
    {
        var samples = result.Samples;
        output.WriteLine($"fr_liveness on {photos} photos: {samples.Count} frames scored; subject not detected in: " +
            string.Join(", ", result.Missed.Select(m => $"{m.Key} {m.Value}")));
        output.WriteLine();
        output.WriteLine("AUC, live frames (photo, webcam) against all spoofs, for each reading of the output (0.5 = chance):");
        output.WriteLine("  input    class 0  class 1  class 2");
        foreach (var order in new[] { true, false })
        {
            var row = LivenessSeparation.All(samples).Where(s => s.BlueFirst == order).Select(s => $"{s.Auc,7:0.000}");
            output.WriteLine($"  {(order ? "B,G,R" : "R,G,B"),-7}  {string.Join("  ", row)}");
        }

        output.WriteLine("  (R,G,B is what the package's JavaScript feeds; MiniFASNet was trained on OpenCV's B,G,R.)");

        var (liveClass, blueFirst) = FaceAttributeAnalyzer.LivenessReading;
        var threshold = FaceAttributeAnalyzer.LivenessThreshold;
        output.WriteLine();
        output.WriteLine($"In use: class {liveClass} = live, input {(blueFirst ? "B,G,R" : "R,G,B")}. Score per kind of frame:");
        output.WriteLine("  kind            frames   mean  median    min   >= " + threshold.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "   AUC vs live");
        foreach (var kind in Enum.GetValues<LivenessKind>())
        {
            var scores = samples.Where(s => s.Kind == kind).Select(s => s.Score(blueFirst, liveClass)).Order().ToArray();
            if (scores.Length == 0)
            {
                output.WriteLine($"  {kind,-14} {0,7}");
                continue;
            }

            var auc = kind is LivenessKind.RealPhoto or LivenessKind.WebcamFrame
                ? "-"
                : LivenessSeparation.AucOf(samples, blueFirst, liveClass, k => k == kind).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
            var accepted = scores.Count(s => s >= threshold) / (double)scores.Length;
            output.WriteLine($"  {kind,-14} {scores.Length,7} {scores.Average(),6:0.000} {scores[scores.Length / 2],7:0.000} {scores[0],6:0.000} {accepted,7:P0}   {auc}");
        }

        var (tpr, fpr) = LivenessSeparation.Rates(samples, blueFirst, liveClass, threshold);
        var best = LivenessSeparation.BestThreshold(samples, blueFirst, liveClass);
        var (bestTpr, bestFpr) = LivenessSeparation.Rates(samples, blueFirst, liveClass, best);
        output.WriteLine();
        output.WriteLine($"At threshold {threshold:0.00}: live accepted (TPR) {tpr:P1}, spoofs accepted (FPR) {fpr:P1}.");
        output.WriteLine($"Best threshold on this set (Youden) {best:0.0000}: TPR {bestTpr:P1}, FPR {bestFpr:P1} (chosen on the same data: optimistic).");
        output.WriteLine($"AUC in use, live against all spoofs: {LivenessSeparation.AucOf(samples, blueFirst, liveClass, _ => true):0.000}.");
    }
}
