namespace FacePortal.Cli.Commands;

/// <summary>eval-open-set --images DIR --pairs CSV: leave-one-out open-set identification, to choose the recognition threshold.</summary>
public static class EvalOpenSetCommand
{
    public static int Run(CommandArguments args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Optional("gallery") is not null)
        {
            return OpenSetFolderEvaluation.Run(args, output);
        }

        var images = args.Required("images");
        var pairs = LabelledPair.ReadCsv(args.Required("pairs"));
        var (models, pipeline) = PipelineFactory.Create(args);
        using (models)
        {
            var report = OpenSetEvaluation.Run(pipeline, images, pairs, Environment.ProcessorCount);
            output.WriteLine($"Images: {report.Images} of {report.Identities} identities; {report.Genuine.Count} genuine probes (identity enrolled), {report.Impostor.Count} impostor probes (identity left out)");
            output.WriteLine($"Rank-1 correct among genuine probes: {report.Genuine.Count(p => p.Correct)} of {report.Genuine.Count}");
            output.WriteLine($"Lowest similarity of a correct match: {report.LowestCorrect:0.000}; highest impostor similarity: {report.HighestImpostor:0.000}");
            output.WriteLine("threshold  identified  false alarms");
            for (var t = 0.25f; t <= 0.601f; t += 0.025f)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t,9:0.000}  {report.IdentificationRate(t),10:P1}  {report.FalseAlarmRate(t),12:P1}"));
            }

            output.WriteLine(report.Unusable.Count == 0 ? "Images without a usable face: none" : $"Images without a usable face: {string.Join(", ", report.Unusable.Keys)}");
        }

        return 0;
    }
}
