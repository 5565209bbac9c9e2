using FacePortal.Core.Recognition;
using FacePortal.Shared.Analysis;
using FacePortal.Shared.OpenSet;
using FacePortal.Shared.Search;

namespace FacePortal.Cli.Commands;

/// <summary>
/// eval-open-set's trials of better rejection than one threshold (issue 19 item 2): cohort score normalisation
/// (<c>--cohort DIR --cohort-people RANGE</c>) and per-person thresholds (<c>--person-thresholds</c>). Each trial
/// only changes the candidates' scores (and, for the cohort, the threshold, recalibrated on the same transform);
/// every verdict still comes from the one <see cref="OpenSetDecider"/>. Printed: named rightly at a 1% and 0.1%
/// stranger rate chosen after the fact (the fair comparison of scores), and the server's decision at its rate.
/// </summary>
public sealed class OpenSetScoreTrials(
    GalleryIndex index,
    IReadOnlyList<GalleryFace> enrolled,
    IReadOnlyList<(Guid Person, FaceAnalysis Face, IReadOnlyList<GalleryMatch> Candidates)> mated,
    IReadOnlyList<(FaceAnalysis Face, IReadOnlyList<GalleryMatch> Candidates)> strangers,
    RecognitionOptions options,
    QualityRules quality)
{
    private delegate IReadOnlyList<GalleryMatch> Adjust(float[] probe, IReadOnlyList<GalleryMatch> candidates, int leaveOut);

    private sealed record Trial(string Label, Adjust Adjust, bool CohortCalibrated);

    /// <param name="cohortTopK">The top-k means to try; 0 is tried too (the z-score against the whole cohort).</param>
    public void Run(TextWriter output, OperatingPoint point, CohortNormalisation? cohort, bool personThresholds, IReadOnlyList<int> cohortTopK, string? dumpPath)
    {
        var trials = new List<Trial> { new("raw similarity (today)", (_, c, _) => c, false) };
        if (cohort is not null)
        {
            trials.Add(new("raw, threshold from the cohort", (_, c, _) => c, true));
            foreach (var normalisation in cohortTopK.Append(0).Distinct().Select(k => new CohortNormalisation(cohort.Faces, cohort.Labels, k)))
            {
                trials.Add(new($"cohort: {normalisation.Describe()}", (p, c, l) => normalisation.Apply(p, c, l), true));
            }
        }

        if (personThresholds)
        {
            var fromGallery = new PersonThresholds(enrolled);
            output.WriteLine(F($"Per-person thresholds from the gallery: highest raise {fromGallery.HighestRaise:0.000}"));
            trials.Add(new("per-person thresholds (gallery)", (_, c, _) => fromGallery.Apply(c), false));
            if (cohort is not null)
            {
                var withCohort = new PersonThresholds(enrolled, cohort.Faces);
                output.WriteLine(F($"Per-person thresholds from the gallery and the cohort: highest raise {withCohort.HighestRaise:0.000}"));
                trials.Add(new("per-person thresholds (gallery + cohort)", (_, c, _) => withCohort.Apply(c), false));
            }
        }

        var server = new OpenSetDecider(quality, options.AmbiguityMargin);
        using var dump = dumpPath is null ? null : new StreamWriter(dumpPath, append: true);
        output.WriteLine();
        output.WriteLine(F($"score                                                   at 1% strangers (after the fact)   at 0.1%                 server decision at {OperatingPoint.Percent(point.MaxFalseMatchRate)}: threshold, strangers named, named rightly, as someone else"));
        foreach (var trial in trials)
        {
            var m = mated.Select(x => (x.Person, x.Face, Candidates: trial.Adjust(x.Face.Embedding, x.Candidates, -1))).ToList();
            var s = strangers.Select(x => (x.Face, Candidates: trial.Adjust(x.Face.Embedding, x.Candidates, -1))).ToList();
            var strangerBest = s.Select(x => x.Candidates.Count > 0 ? x.Candidates[0].Similarity : float.NegativeInfinity).ToList();
            string AtRate(double rate)
            {
                var t = AfterTheFact(strangerBest, rate);
                var right = m.Count(x => x.Candidates.Count > 0 && x.Candidates[0].PersonId == x.Person && x.Candidates[0].Similarity >= t);
                return F($"{t,7:0.000} {Rate(right, m.Count),-16}");
            }

            var threshold = trial.CohortCalibrated ? CohortThreshold(cohort!, trial.Adjust, point.MaxFalseMatchRate) : point.Threshold;
            var at = point with { Threshold = threshold };
            var matedVerdicts = m.Select(x => (x.Person, Verdict: server.Decide(x.Face.Quality, x.Candidates, at))).ToList();
            var strangerVerdicts = s.Select(x => server.Decide(x.Face.Quality, x.Candidates, at)).ToList();
            var named = strangerVerdicts.Count(v => v.IsNamed);
            var rightly = matedVerdicts.Count(v => v.Verdict.IsNamed && v.Verdict.Person!.PersonId == v.Person);
            var wrongly = matedVerdicts.Count(v => v.Verdict.IsNamed && v.Verdict.Person!.PersonId != v.Person);
            output.WriteLine(F($"{trial.Label,-55} {AtRate(0.01)}  {AtRate(0.001)}  {threshold:0.000}{(trial.CohortCalibrated ? " (cohort)" : string.Empty)}, {Rate(named, s.Count)}, {Rate(rightly, m.Count)}, {Rate(wrongly, m.Count)}"));

            if (dump is not null)
            {
                // One line per probe, appended, so runs over several splits can be pooled: trial, kind, rank-1 right, best score, server verdict.
                for (var i = 0; i < m.Count; i++)
                {
                    var best = m[i].Candidates.Count > 0 ? m[i].Candidates[0] : null;
                    var v = matedVerdicts[i].Verdict;
                    dump.WriteLine(F($"{trial.Label},mated,{(best?.PersonId == m[i].Person ? 1 : 0)},{best?.Similarity ?? float.NegativeInfinity},{(v.IsNamed ? 1 : 0)},{(v.IsNamed && v.Person!.PersonId == m[i].Person ? 1 : 0)}"));
                }

                for (var i = 0; i < s.Count; i++)
                {
                    dump.WriteLine(F($"{trial.Label},stranger,0,{strangerBest[i]},{(strangerVerdicts[i].IsNamed ? 1 : 0)},0"));
                }
            }
        }
    }

    /// <summary>
    /// The threshold that names at most <paramref name="rate"/> of the cohort's faces taken as strangers (each
    /// normalised against the cohort without its own person): calibration on faces neither enrolled nor tested.
    /// </summary>
    private float CohortThreshold(CohortNormalisation cohort, Adjust adjust, double rate)
    {
        var best = new List<float>();
        for (var i = 0; i < cohort.Faces.Count; i++)
        {
            var candidates = adjust(cohort.Faces[i], index.Search(cohort.Faces[i], options.TopK), cohort.Labels[i]);
            best.Add(candidates.Count > 0 ? candidates[0].Similarity : float.NegativeInfinity);
        }

        return AfterTheFact(best, rate);
    }

    /// <summary>The lowest threshold that names at most <paramref name="rate"/> of the strangers.</summary>
    public static float AfterTheFact(IReadOnlyList<float> strangerBest, double rate)
    {
        var sorted = strangerBest.OrderDescending().ToList();
        var allowed = (int)Math.Floor(rate * sorted.Count);
        return allowed < sorted.Count ? MathF.BitIncrement(sorted[allowed]) : -1;
    }

    private static string Rate(int count, int total) => total == 0 ? "n/a" : (count / (double)total).ToString("P1", CultureInfo.InvariantCulture) + F($" ({count})");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
