using FacePortal.Shared.Installation;
using FacePortal.Shared.OpenSet;

namespace FacePortal.Cli.Commands;

/// <summary>
/// calibrate --data DIR [--people 1-16] [--extra DIR] [--out FILE]: measures the embedding model's impostor
/// score tails (each face against every face of the other people) and writes the statistics the open-set
/// operating point starts from. Run it again, and rebuild, whenever the embedding model changes.
/// </summary>
public static class CalibrateCommand
{
    public const string DefaultOutput = "src/FacePortal.Shared/OpenSet/impostor-statistics.json";

    public static int Run(CommandArguments args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var range = args.Optional("people");
        var folders = PersonFolders.Read(args.Required("data"), range);
        var outPath = args.Optional("out") ?? InstallLocation.Current.Resolve(DefaultOutput);
        var (models, pipeline) = PipelineFactory.Create(args);
        using (models)
        {
            var (embeddings, unusable) = PrimaryFaceEmbeddings.Compute(pipeline, folders.Root, folders.Photos.Select(p => p.File).ToList(), Environment.ProcessorCount);
            var personOf = folders.Photos.ToDictionary(p => p.File, p => folders.People.ToList().IndexOf(p.Person));
            var files = embeddings.Keys.ToList();
            var profile = ImpostorProfile.Pooled(files.Select(f => embeddings[f]).ToList(), files.Select(f => personOf[f]).ToList());
            var source = $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(folders.Root))}{(range is null ? string.Empty : $" people {range}")}: {folders.People.Count} people, {files.Count} faces, each against every face of the others";
            var statistics = ImpostorStatistics.From(profile, source, folders.People.Count, files.Count, DateTimeOffset.UtcNow);
            File.WriteAllText(outPath, statistics.ToJson() + "\n");
            output.WriteLine(source);
            output.WriteLine($"Photos without a usable face: {unusable.Count}");
            output.WriteLine("people  threshold for 1% strangers  for 0.1%");
            var calculator = new OperatingPointCalculator(profile, GalleryStatisticsWeighting.Default);
            foreach (var people in new[] { 1, 10, 100, 1000, 10_000 })
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{people,6:N0}  {calculator.Compute(0.01, people, people).Threshold,26:0.000}  {calculator.Compute(0.001, people, people).Threshold,8:0.000}"));
            }

            output.WriteLine($"Wrote {outPath} ({profile.Tails[0].Total:N0} comparisons); rebuild to ship it.");
        }

        return 0;
    }
}
