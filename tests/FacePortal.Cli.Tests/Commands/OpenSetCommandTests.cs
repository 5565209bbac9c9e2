using System.Text.RegularExpressions;
using FacePortal.Cli.Commands;
using FacePortal.Shared.OpenSet;
using FacePortal.TestSupport;

namespace FacePortal.Cli.Tests.Commands;

public sealed class OpenSetCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("faceportal-openset-").FullName;

    [Fact]
    public void Eval_open_set_on_folders_prints_the_table_and_names_few_strangers()
    {
        // Six people enrolled from celeb24 (ten photos each: the first accepted enrolled, the rest probes); six others are strangers.
        var gallery = Copy("gallery", ["Barack_Obama", "Hugh_Jackman", "Jennifer_Lopez", "Keanu_Reeves", "Tom_Hanks", "Will_Smith"]);
        var strangers = Copy("strangers", ["Halle_Berry", "James_Spader", "Kate_Winslet", "Mark_Ruffalo", "Simon_Cowell", "Tina_Fey"]);
        var output = new StringWriter();

        var exit = EvalOpenSetCommand.Run(new CommandArguments(["--gallery", gallery, "--strangers", strangers, "--models", RepoLocations.Models]), output);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Matches(@"Gallery: 6 people, 6 faces enrolled", text);
        Assert.Matches(@"Operating point: named at a 1% false-match rate for 6 people: threshold 0\.\d{3}, basis ModelStatistics", text);
        Assert.Matches(@"Rank-1 \(closed set\): \d+\.\d %", text);
        Assert.Matches(@"Named rightly at a 0\.1% stranger rate chosen after the fact", text);
        Assert.Contains("before: fixed threshold 0.40", text, StringComparison.Ordinal);
        var named = int.Parse(Regex.Match(text, @"Strangers named at the server's decision: (\d+)").Groups[1].Value);
        var strangerCount = int.Parse(Regex.Match(text, @"(\d+) stranger probes").Groups[1].Value);
        Assert.True(strangerCount >= 55, text);
        Assert.True(named <= 2, $"{named} of {strangerCount} strangers named at a 1% rate:\n{text}");
    }

    [Fact]
    public void Eval_open_set_trials_keep_the_cohort_out_of_the_strangers_and_rank_every_score_at_equal_stranger_rates()
    {
        // Twelve celeb24 people under one root, in name order: 1-4 enrolled (Barack_Obama ... James_Spader), 5-8 the
        // cohort (Jennifer_Lopez ... Mark_Ruffalo), 9-12 strangers (Simon_Cowell ... Will_Smith). The cohort must be neither.
        var all = Copy("all", ["Barack_Obama", "Hugh_Jackman", "Jennifer_Lopez", "Keanu_Reeves", "Halle_Berry", "James_Spader", "Kate_Winslet", "Tina_Fey", "Mark_Ruffalo", "Simon_Cowell", "Tom_Hanks", "Will_Smith"]);
        var dump = Path.Combine(_work, "trials.csv");
        var output = new StringWriter();

        var exit = EvalOpenSetCommand.Run(
            new CommandArguments([
                "--gallery", all, "--people", "1-4", "--strangers", all, "--cohort", all, "--cohort-people", "5-8", "--person-thresholds", "--dump", dump,
                "--models", RepoLocations.Models]),
            output);

        var text = output.ToString();
        Assert.Equal(0, exit);

        // Only the four strangers' ten photos each are stranger probes.
        var strangerCount = int.Parse(Regex.Match(text, @"(\d+) stranger probes \((\d+) stranger photos").Groups[1].Value);
        var unusable = int.Parse(Regex.Match(text, @"(\d+) stranger photos without").Groups[1].Value);
        Assert.Equal(40, strangerCount + unusable);
        Assert.Matches(@"Cohort: 4 people, \d+ faces, neither enrolled nor strangers", text);

        // Today's score in the trials is the main table's: the same threshold after the fact names the same probes rightly.
        var main = Regex.Match(text, @"Named rightly at a 1% stranger rate chosen after the fact \(threshold (\d\.\d{3})\): (\d+\.\d %)");
        var raw = Regex.Match(text, @"raw similarity \(today\)\s+(\d\.\d{3}) (\d+\.\d %)");
        Assert.True(main.Success && raw.Success, text);
        Assert.Equal(main.Groups[1].Value, raw.Groups[1].Value);
        Assert.Equal(main.Groups[2].Value, raw.Groups[2].Value);
        foreach (var row in new[] { "raw, threshold from the cohort", "cohort: minus the mean of the top 10", "cohort: z-score against", "per-person thresholds (gallery)", "per-person thresholds (gallery + cohort)" })
        {
            Assert.Contains(row, text, StringComparison.Ordinal);
        }

        // The dump holds one line per probe and trial: six trials of every mated and stranger probe.
        var mated = int.Parse(Regex.Match(text, @"(\d+) mated probes").Groups[1].Value);
        Assert.Equal(6 * (mated + strangerCount), File.ReadLines(dump).Count());
    }

    [Fact]
    public void Calibrate_writes_statistics_the_operating_point_can_use()
    {
        var data = Copy("calibration", ["Barack_Obama", "Hugh_Laurie", "Jessica_Alba", "Keira_Knightley"]);
        var file = Path.Combine(_work, "statistics.json");
        var output = new StringWriter();

        var exit = CalibrateCommand.Run(new CommandArguments(["--data", data, "--out", file, "--models", RepoLocations.Models]), output);

        Assert.Equal(0, exit);
        var statistics = ImpostorStatistics.Parse(File.ReadAllText(file));
        Assert.Null(statistics.MismatchWithPinnedModel());
        Assert.Equal(4, statistics.Identities);
        Assert.InRange(statistics.Comparisons, 500, 600);
        var calculator = new OperatingPointCalculator(statistics.ToProfile(), GalleryStatisticsWeighting.Default);
        Assert.True(calculator.Compute(0.01, 100, 100).Threshold > calculator.Compute(0.01, 10, 10).Threshold);
        Assert.Contains("threshold for 1% strangers", output.ToString(), StringComparison.Ordinal);
    }

    private string Copy(string name, string[] people)
    {
        var root = Directory.CreateDirectory(Path.Combine(_work, name)).FullName;
        foreach (var person in people)
        {
            var target = Directory.CreateDirectory(Path.Combine(root, person)).FullName;
            foreach (var file in ImageFolder.List(Path.Combine(RepoLocations.Celeb24, person)).Take(10))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }

        return root;
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
