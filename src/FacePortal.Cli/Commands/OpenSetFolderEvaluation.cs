using FacePortal.Core.Recognition;
using FacePortal.Shared.Analysis;
using FacePortal.Shared.OpenSet;
using FacePortal.Shared.Search;

namespace FacePortal.Cli.Commands;

/// <summary>
/// eval-open-set --gallery DIR --strangers DIR [--enroll N] [--cohort DIR --cohort-people RANGE [--cohort-k 3,10,50]]
/// [--person-thresholds] [--dump FILE]: the first N photos of each person that enrolment
/// accepts are enrolled, their other photos are mated probes, every photo under --strangers is a stranger.
/// Each probe goes through the server's own decision (<see cref="OpenSetDecider"/> at the operating point
/// <see cref="OperatingPointCalculator"/> derives for this gallery), and through the simpler rules it
/// replaced, so one run prints the before/after table. A cohort's people and the per-person thresholds add the
/// trials of <see cref="OpenSetScoreTrials"/>; the cohort's people are neither enrolled nor strangers.
/// </summary>
public static class OpenSetFolderEvaluation
{
    public static int Run(CommandArguments args, TextWriter output)
    {
        var gallery = PersonFolders.Read(args.Required("gallery"), args.Optional("people"));
        var excluded = (args.Optional("exclude") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var cohortFolders = args.Optional("cohort") is { } cohortRoot ? PersonFolders.Read(cohortRoot, args.Optional("cohort-people")) : null;
        var strangers = StrangerPhotos(args.Required("strangers"), [gallery, .. cohortFolders is null ? Array.Empty<PersonFolders>() : [cohortFolders]]).Where(f => !excluded.Contains(Path.GetFileName(f))).ToList();
        var enroll = args.Int("enroll", 1);
        var options = new RecognitionOptions { MaxFalseMatchRate = args.Double("rate", new RecognitionOptions().MaxFalseMatchRate) };
        var quality = new QualityRules();
        var (models, pipeline) = PipelineFactory.Create(args);
        using (models)
        {
            var (galleryFaces, _) = PrimaryFaceEmbeddings.Analyse(pipeline, gallery.Root, gallery.Photos.Select(p => p.File).ToList(), Environment.ProcessorCount);
            var (strangerFaces, strangerUnusable) = PrimaryFaceEmbeddings.Analyse(pipeline, "/", strangers, Environment.ProcessorCount);
            var cohort = cohortFolders is null ? null : Cohort(pipeline, cohortFolders);

            var index = new GalleryIndex();
            var enrolled = new List<GalleryFace>();
            var mated = new List<(Guid Person, FaceAnalysis Face)>();
            foreach (var person in gallery.People)
            {
                var id = Guid.NewGuid();
                var taken = 0;
                foreach (var (_, file) in gallery.Photos.Where(p => p.Person == person))
                {
                    if (!galleryFaces.TryGetValue(file, out var face))
                    {
                        continue;
                    }

                    if (taken < enroll && quality.Problems(face.Quality).Count == 0)
                    {
                        var galleryFace = new GalleryFace(Guid.NewGuid(), id, person, face.Embedding);
                        index.Add(galleryFace);
                        enrolled.Add(galleryFace);
                        taken++;
                    }
                    else if (taken > 0 || quality.Problems(face.Quality).Count > 0)
                    {
                        mated.Add((id, face));
                    }
                }
            }

            // Photos seen before a person's first accepted one are still that person: probes too.
            var calculator = new OperatingPointCalculator(ImpostorStatistics.Shipped.ToProfile(), options.Weighting);
            var profile = GalleryStatistics.Profile(enrolled);
            var point = calculator.Compute(options.MaxFalseMatchRate, index.PersonCount, index.FaceCount, profile);

            output.WriteLine(F($"Gallery: {index.PersonCount} people, {index.FaceCount} faces enrolled ({enroll} per person at most); {mated.Count} mated probes; {strangerFaces.Count} stranger probes ({strangerUnusable.Count} stranger photos without a usable face)"));
            output.WriteLine(F($"Operating point: {point.Describe()}: threshold {point.Threshold:0.000}, basis {point.Basis} (gallery weight {point.GalleryWeight:0.00}), predicted stranger rate {point.ExpectedFalseMatchRate:P2}"));

            var matedTop = mated.Select(m => (m.Person, m.Face, Candidates: index.Search(m.Face.Embedding, options.TopK))).ToList();
            var strangerTop = strangerFaces.Values.Select(s => (Face: s, Candidates: index.Search(s.Embedding, options.TopK))).ToList();
            var rank1 = matedTop.Count(m => m.Candidates.Count > 0 && m.Candidates[0].PersonId == m.Person);
            output.WriteLine(F($"Rank-1 (closed set): {Rate(rank1, matedTop.Count)}"));
            foreach (var rate in new[] { 0.01, 0.001 })
            {
                var t = OpenSetScoreTrials.AfterTheFact(strangerTop.Select(s => s.Candidates.Count > 0 ? s.Candidates[0].Similarity : -1).ToList(), rate);
                var right = matedTop.Count(m => m.Candidates.Count > 0 && m.Candidates[0].PersonId == m.Person && m.Candidates[0].Similarity >= t);
                output.WriteLine(F($"Named rightly at a {OperatingPoint.Percent(rate)} stranger rate chosen after the fact (threshold {t:0.000}): {Rate(right, matedTop.Count)}"));
            }

            output.WriteLine();
            output.WriteLine("decision                                   strangers named  enrolled named rightly  named as someone else  unknown: too poor / ambiguous");
            var fixedPoint = calculator.Compute(options.MaxFalseMatchRate, index.PersonCount, index.FaceCount, profile, 0.40f);
            Row(output, "before: fixed threshold 0.40", new OpenSetDecider(NoGate, float.PositiveInfinity), fixedPoint, matedTop, strangerTop, secondCanBlock: false);
            Row(output, "rate-derived threshold", new OpenSetDecider(NoGate, 0), point, matedTop, strangerTop, secondCanBlock: false);
            Row(output, "  + quality gate", new OpenSetDecider(quality, 0), point, matedTop, strangerTop, secondCanBlock: false);
            Row(output, "  (gate at the lab's former low-quality rules)", new OpenSetDecider(LabFormerRules, 0), point, matedTop, strangerTop, secondCanBlock: false);
            Row(output, F($"  + margin {options.AmbiguityMargin:0.00} (server default)"), new OpenSetDecider(quality, options.AmbiguityMargin), point, matedTop, strangerTop, secondCanBlock: true);
            foreach (var margin in new[] { 0.02f, 0.1f, 1f })
            {
                Row(output, F($"    margin {margin:0.00} instead"), new OpenSetDecider(quality, margin), point, matedTop, strangerTop, secondCanBlock: true);
            }

            var problems = matedTop.Concat(strangerTop.Select(s => (Person: Guid.Empty, s.Face, s.Candidates)))
                .SelectMany(m => quality.Problems(m.Face.Quality).Select(p => p.Split(':')[0])).CountBy(p => p).OrderByDescending(p => p.Value);
            output.WriteLine(F($"Quality problems among all probes: {string.Join(", ", problems.Select(p => $"{p.Key} {p.Value}"))}"));
            if (cohort is not null || args.Flag("person-thresholds"))
            {
                if (cohort is not null)
                {
                    output.WriteLine(F($"Cohort: {cohortFolders!.People.Count} people, {cohort.Faces.Count} faces, neither enrolled nor strangers"));
                }

                new OpenSetScoreTrials(index, enrolled, matedTop, strangerTop, options, quality)
                    .Run(output, point, cohort, args.Flag("person-thresholds"), CohortTopK(args.Optional("cohort-k")), args.Optional("dump"));
            }

            var server = new OpenSetDecider(quality, options.AmbiguityMargin);
            var named = strangerFaces.Select(s => (File: s.Key, Verdict: server.Decide(s.Value.Quality, index.Search(s.Value.Embedding, options.TopK), point)))
                .Where(s => s.Verdict.IsNamed).OrderByDescending(s => s.Verdict.Similarity).ToList();
            output.WriteLine();
            output.WriteLine(F($"Strangers named at the server's decision: {named.Count}"));
            foreach (var (file, verdict) in named.Take(20))
            {
                output.WriteLine(F($"  {file}: {verdict.Person!.Name} at {verdict.Similarity:0.000}"));
            }
        }

        return 0;
    }

    /// <summary>--cohort-k 3,10,50: the top-k means to try (10 by default).</summary>
    private static List<int> CohortTopK(string? value) =>
        value is null ? [10] : [.. value.Split(',', StringSplitOptions.TrimEntries).Select(k => int.TryParse(k, out var n) && n > 0 ? n : throw new CommandLineException($"--cohort-k must be positive whole numbers, like 3,10,50, not '{value}'."))];

    private static CohortNormalisation Cohort(FacePipeline pipeline, PersonFolders folders)
    {
        var (faces, _) = PrimaryFaceEmbeddings.Compute(pipeline, folders.Root, folders.Photos.Select(p => p.File).ToList(), Environment.ProcessorCount);
        var personOf = folders.Photos.ToDictionary(p => p.File, p => folders.People.ToList().IndexOf(p.Person));
        return new CohortNormalisation([.. faces.Values], [.. faces.Keys.Select(f => personOf[f])], 0);
    }

    /// <summary>Every photo under each comma-separated folder, except those of the people in <paramref name="known"/> (enrolled, or the cohort).</summary>
    private static List<string> StrangerPhotos(string roots, IReadOnlyList<PersonFolders> known)
    {
        var knownFolders = known.SelectMany(k => k.People.Select(p => Path.GetFullPath(Path.Combine(k.Root, p)) + Path.DirectorySeparatorChar)).ToList();
        var files = new List<string>();
        foreach (var root in roots.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Directory.Exists(root))
            {
                throw new CommandLineException($"Folder '{root}' does not exist.");
            }

            files.AddRange(Directory.EnumerateFiles(Path.GetFullPath(root), "*", SearchOption.AllDirectories)
                .Where(f => ImageFolder.IsImage(f) && !knownFolders.Any(g => f.StartsWith(g, StringComparison.Ordinal))));
        }

        return [.. files.Distinct().Order(StringComparer.Ordinal)];
    }

    private static readonly QualityRules LabFormerRules = new()
    {
        MinSizePixels = 64, MinSharpness = 60, MinBrightness = 60, MaxBrightness = 210, MinFrontalness = 0.3f, MaxRollDegrees = 25,
    };

    private static readonly QualityRules NoGate = new()
    {
        MinSizePixels = 0, MinSharpness = 0, MinBrightness = 0, MaxBrightness = 255, MinFrontalness = -1, MaxRollDegrees = 180,
    };

    private static void Row(
        TextWriter output, string label, OpenSetDecider decider, OperatingPoint point,
        List<(Guid Person, FaceAnalysis Face, IReadOnlyList<GalleryMatch> Candidates)> mated,
        List<(FaceAnalysis Face, IReadOnlyList<GalleryMatch> Candidates)> strangers, bool secondCanBlock)
    {
        var matedVerdicts = mated.Select(m => (m.Person, Verdict: decider.Decide(m.Face.Quality, secondCanBlock ? m.Candidates : m.Candidates.Take(1).ToList(), point))).ToList();
        var strangerVerdicts = strangers.Select(s => decider.Decide(s.Face.Quality, secondCanBlock ? s.Candidates : s.Candidates.Take(1).ToList(), point)).ToList();
        var right = matedVerdicts.Count(v => v.Verdict.IsNamed && v.Verdict.Person!.PersonId == v.Person);
        var wrong = matedVerdicts.Count(v => v.Verdict.IsNamed && v.Verdict.Person!.PersonId != v.Person);
        var poor = matedVerdicts.Count(v => v.Verdict.Kind == VerdictKind.TooPoor);
        var ambiguous = matedVerdicts.Count(v => v.Verdict.Kind == VerdictKind.Ambiguous);
        output.WriteLine(F($"{label,-42} {Rate(strangerVerdicts.Count(v => v.IsNamed), strangerVerdicts.Count),15}  {Rate(right, mated.Count),22}  {Rate(wrong, mated.Count),21}  {Rate(poor, mated.Count)} / {Rate(ambiguous, mated.Count)}"));
    }

    private static string Rate(int count, int total) => total == 0 ? "n/a" : (count / (double)total).ToString("P1", CultureInfo.InvariantCulture) + F($" ({count})");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
