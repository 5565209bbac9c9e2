using System.Diagnostics;
using FacePortal.Core.Lab;
using FacePortal.Shared.Analysis;

namespace FacePortal.Cli.Commands;

/// <summary>
/// explore --data DIR: the lab's survey of a folder per person: PCA variance, the K-means elbow and
/// silhouette table with purity and ARI, the people that look most alike, likely mislabels,
/// near-duplicates and low-quality faces.
/// </summary>
public static class ExploreCommand
{
    private const int Listed = 15;

    public static int Run(CommandArguments args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var data = args.Required("data");
        if (!Directory.Exists(data))
        {
            throw new CommandLineException($"Folder '{data}' does not exist.");
        }

        var defaults = new LabOptions();
        var options = new LabOptions
        {
            MislabelMargin = (float)args.Double("margin", defaults.MislabelMargin),
            DuplicateSimilarity = (float)args.Double("duplicate", defaults.DuplicateSimilarity),
            MaxK = args.Int("max-k", defaults.MaxK),
            Seed = args.Int("seed", defaults.Seed),
        }.ToSurveyOptions();
        var people = Directory.GetDirectories(data).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var files = people.SelectMany(p => ImageFolder.List(Path.Combine(data, p)).Select(f => Path.Combine(p, Path.GetFileName(f)))).ToList();
        if (files.Count == 0)
        {
            throw new CommandLineException($"'{data}' has no person folders with photos in them.");
        }

        var (models, pipeline) = PipelineFactory.Create(args);
        using (models)
        {
            var clock = Stopwatch.StartNew();
            var (analysed, unusable) = PrimaryFaceEmbeddings.Analyse(pipeline, data, files, Environment.ProcessorCount);
            var embedding = clock.Elapsed;
            var names = analysed.Keys.ToList();
            var faces = names.Select(n => new SurveyFace(people.IndexOf(PersonOf(n)), analysed[n].Embedding, analysed[n].Quality)).ToList();
            clock.Restart();
            var report = EmbeddingSurvey.Run(faces, people.Count, options);
            var analysis = clock.Elapsed;

            output.WriteLine(F($"{people.Count} people, {faces.Count} faces; {unusable.Count} photo(s) without a usable face"));
            if (report.Projection is { } pca)
            {
                output.WriteLine(F($"PCA: PC1 explains {pca.ExplainedVariance[0]:P1} of the variance, PC2 {pca.ExplainedVariance[1]:P1} (together {pca.ExplainedVariance[0] + pca.ExplainedVariance[1]:P1})"));
            }

            WriteSweep(output, report);
            WritePairs(output, report, people);
            output.WriteLine(F($"Likely mislabels (another person's template at least {options.MislabelMargin:0.00} closer than the face's own): {report.Mislabels.Count}"));
            foreach (var m in report.Mislabels.Take(Listed))
            {
                output.WriteLine(F($"  {names[m.Face]}: own {m.OwnSimilarity:0.000}, {people[m.OtherPerson]} {m.OtherSimilarity:0.000} (+{m.Margin:0.000})"));
            }

            output.WriteLine(F($"Near-duplicates (cosine at least {options.DuplicateSimilarity:0.00}): {report.Duplicates.Count(d => d.SamePerson)} within a person, {report.Duplicates.Count(d => !d.SamePerson)} across two people"));
            foreach (var d in report.Duplicates.Take(Listed))
            {
                output.WriteLine(F($"  {names[d.A]} ~ {names[d.B]}: {d.Similarity:0.000}{(d.SamePerson ? string.Empty : "  (two people)")}"));
            }

            output.WriteLine(F($"Low-quality faces: {report.LowQuality.Count}"));
            foreach (var q in report.LowQuality.Take(Listed))
            {
                output.WriteLine(F($"  {names[q.Face]}: {string.Join("; ", q.Problems)}"));
            }

            output.WriteLine(F($"Time: faces {embedding.TotalSeconds:0.0} s, analysis {analysis.TotalMilliseconds:0} ms (PCA {report.Timings.Projection:0} ms, K-means sweep {report.Timings.Clustering:0} ms, similarities {report.Timings.Similarities:0} ms)"));
        }

        return 0;
    }

    private static void WriteSweep(TextWriter output, SurveyReport report)
    {
        if (report.Sweep.Count == 0)
        {
            output.WriteLine("Too few faces for K-means.");
            return;
        }

        output.WriteLine("   k      inertia  silhouette  purity     ARI");
        foreach (var p in report.Sweep)
        {
            var marks = (p.K == report.SuggestedK ? "  <- suggested" : string.Empty) + (p.K == report.ElbowK ? "  <- elbow" : string.Empty);
            output.WriteLine(F($"{p.K,4}  {p.Inertia,11:0.00}  {p.Silhouette,10:0.000}  {p.Purity,6:0.000}  {p.AdjustedRandIndex,6:0.000}{marks}"));
        }

        output.WriteLine(F($"Suggested k: {report.SuggestedK} (highest mean silhouette); elbow of the inertia curve at k = {report.ElbowK}"));
    }

    private static void WritePairs(TextWriter output, SurveyReport report, IReadOnlyList<string> people)
    {
        output.WriteLine("People that look most alike to the system (template cosine similarity):");
        foreach (var pair in report.Pairs.Take(5))
        {
            output.WriteLine(F($"  {people[pair.A]} ~ {people[pair.B]}: {pair.Similarity:0.000}"));
        }
    }

    private static string PersonOf(string relativePath) => relativePath.Split(Path.DirectorySeparatorChar)[0];

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
