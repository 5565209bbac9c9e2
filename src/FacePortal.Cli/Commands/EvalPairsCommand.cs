namespace FacePortal.Cli.Commands;

/// <summary>eval-pairs --images DIR --pairs CSV: verification accuracy of the pipeline on labelled pairs.</summary>
public static class EvalPairsCommand
{
    public static int Run(CommandArguments args, TextWriter output)
    {
        var images = args.Required("images");
        var pairsPath = args.Required("pairs");
        var pairs = LabelledPair.ReadCsv(pairsPath);
        var (models, pipeline) = PipelineFactory.Create(args);
        using (models)
        {
            var started = DateTime.UtcNow;
            var result = PairEvaluation.Run(pipeline, images, pairs, Environment.ProcessorCount);
            var r = result.Report;
            output.WriteLine($"Pairs: {result.Scored.Count} scored ({r.Genuine} same, {r.Impostor} different), {result.SkippedPairs} skipped");
            output.WriteLine($"Accuracy at best threshold: {r.BestAccuracy:P2}");
            output.WriteLine($"Threshold chosen (cosine similarity): {r.BestThreshold:0.0000}");
            output.WriteLine($"ROC AUC: {r.RocAuc:0.0000}");
            foreach (var far in PairEvaluation.StandardFars)
            {
                var tar = r.TarAtFar.FirstOrDefault(t => t.Far == far);
                output.WriteLine(tar is null
                    ? $"TAR at FAR={far:0.#####}: not enough different-person pairs ({r.Impostor} < {Math.Ceiling(1 / far)})"
                    : $"TAR at FAR={far:0.#####}: {tar.Tar:P2} (threshold {tar.Threshold:0.0000})");
            }

            var same = result.Scored.Where(p => p.Same).Select(p => p.Similarity).ToArray();
            var different = result.Scored.Where(p => !p.Same).Select(p => p.Similarity).ToArray();
            output.WriteLine($"Same-person similarity: min {same.Min():0.000}, mean {same.Average():0.000}; different-person: max {different.Max():0.000}, mean {different.Average():0.000}");
            output.WriteLine(result.UnusableImages.Count == 0 ? "Images without a usable face: none" : "Images without a usable face:");
            foreach (var (file, reason) in result.UnusableImages)
            {
                output.WriteLine($"  {file}: {reason}");
            }

            output.WriteLine($"Time: {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
        }

        return 0;
    }
}
