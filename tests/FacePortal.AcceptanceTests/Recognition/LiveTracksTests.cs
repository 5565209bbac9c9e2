using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using FacePortal.AcceptanceTests.Support;
using FacePortal.TestSupport;
using Microsoft.Playwright;
using static FacePortal.AcceptanceTests.Support.PageEvidence;

namespace FacePortal.AcceptanceTests.Recognition;

/// <summary>
/// Live tracks in Chromium: the fake camera alternates a photo of an enrolled person (not one she was
/// enrolled from) and a stranger, 4 s each, looping. Every label the page draws is recorded with its
/// track and frame; the stranger is never named, and each appearance of the person is named on the
/// K-th (3rd) frame of her track and stays named, with no flicker.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveTracksTests(BrowserFixture fixture)
{
    private const string Name = "Angelina Tracks";
    private const int ConfirmFrames = 3;
    private const int Fps = 10;

    // Records every result the overlay draws (data-seq is written last, after the labels and tracks).
    private const string RecordTrail = """
        () => {
          window.__trail = [];
          const canvas = document.querySelector('#live-overlay');
          new MutationObserver(() => {
            const d = canvas.dataset;
            window.__trail.push({ seq: +d.seq, labels: d.labels, tracks: d.tracks, verdicts: d.verdicts, frames: d.frameVerdicts, similarities: d.similarities });
          }).observe(canvas, { attributes: true, attributeFilter: ['data-seq'] });
        }
        """;

    [Fact]
    public async Task A_stream_alternating_an_enrolled_person_and_a_stranger_names_her_within_three_frames_and_never_the_stranger()
    {
        var browser = await fixture.BrowserWithWebcamVideoAsync("tracks-img1-img20", output => FakeWebcamVideo.WriteSegments(
            [(Path.Combine(RepoLocations.DeepFace, "img1.jpg"), 4 * Fps), (Path.Combine(RepoLocations.DeepFace, "img20.jpg"), 4 * Fps)], output, Fps));
        var (context, page) = await fixture.SignedInPageAsync(browser: browser);
        await using var _ = context;
        var errors = ConsoleErrors(page);
        var personId = await PortalApi.EnrollAsync(page, Name, "img2.jpg", "img4.jpg");
        try
        {
            await page.SetViewportSizeAsync(1440, 900);
            await page.GotoAsync("live");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await page.EvaluateAsync(RecordTrail);
            await LiveControls.StartAsync(page, navigate: false);

            // Her, the stranger, and her again: at least three tracks, the last one seen for K frames.
            await Diagnose(
                page,
                fixture,
                () => page.WaitForFunctionAsync(
                    """
                    () => {
                      const ids = window.__trail.filter(e => e.tracks).map(e => e.tracks);
                      const runs = ids.filter((id, i) => i === 0 || id !== ids[i - 1]);
                      return runs.length >= 4;
                    }
                    """,
                    null,
                    new() { Timeout = 90_000, PollingInterval = 250 }),
                "live-tracks-failure");
            var trail = Read(await page.EvaluateAsync<JsonElement>("() => window.__trail"));
            var shown = string.Join("\n", trail.Select(e => e.ToString()));

            Assert.All(trail, e => Assert.True(e.Similarity >= 0.4 || e.Similarity < 0.25, $"each frame is clearly her or clearly the stranger:\n{shown}"));
            var stranger = trail.Where(e => e.Similarity < 0.25).ToList();
            Assert.NotEmpty(stranger);
            Assert.All(stranger, e => Assert.NotEqual(Name, e.Label));

            var runs = Runs(trail);
            var hers = runs.Where(r => r.All(e => e.Similarity >= 0.4)).ToList();
            Assert.True(hers.Count >= 2, $"she appeared twice:\n{shown}");
            Assert.All(runs, run => Assert.True(run.All(e => e.Similarity >= 0.4) || run.All(e => e.Similarity < 0.25), $"a track never holds both of them:\n{shown}"));
            var seenTracks = new HashSet<string>();
            foreach (var run in runs)
            {
                var isNew = seenTracks.Add(run[0].Track);
                if (!run.All(e => e.Similarity >= 0.4))
                {
                    continue;
                }

                var labels = run.Select(e => e.Label).ToList();
                var firstNamed = labels.IndexOf(Name);
                if (isNew)
                {
                    Assert.True(labels[0] == "Unknown (confirming)", $"a new track is not named from one frame:\n{shown}");
                }

                // Named within K frames of appearing, then never anything else while she stays.
                if (run.Count >= ConfirmFrames)
                {
                    Assert.InRange(firstNamed, 0, ConfirmFrames - 1);
                }

                if (firstNamed >= 0)
                {
                    Assert.All(labels.Skip(firstNamed), l => Assert.Equal(Name, l));
                    Assert.All(labels.Take(firstNamed), l => Assert.Equal("Unknown (confirming)", l));
                }
            }

            // The side panel shows the track's verdict with its reason and operating point.
            await Assertions.Expect(page.Locator("#live-overlay")).ToHaveAttributeAsync("data-labels", Name, new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#live-people .live-person-name")).ToHaveTextAsync(Name, new() { Timeout = 5_000 });
            await Assertions.Expect(page.Locator("#live-people .live-person-reason")).ToContainTextAsync("of the last", new() { Timeout = 5_000 });
            await Assertions.Expect(page.Locator("#live-people .mud-list-item").First).ToContainTextAsync("false-match rate", new() { Timeout = 5_000 });
            await Shot(page, "live-tracks-named-1440.png");
            await Assertions.Expect(page.Locator("#live-overlay")).ToHaveAttributeAsync("data-labels", "Unknown (nobody close)", new() { Timeout = 30_000 });
            await Shot(page, "live-tracks-stranger-1440.png");
            await AssertAccessibleAsync(page);

            await page.SetViewportSizeAsync(390, 844);
            await Assertions.Expect(page.Locator("#live-overlay")).ToHaveAttributeAsync("data-labels", Name, new() { Timeout = 30_000 });
            await page.Locator("#live-overlay").ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoLocations.Screenshots, "live-tracks-named-390.png") });
            await Assertions.Expect(page.Locator("#live-overlay")).ToHaveAttributeAsync("data-labels", "Unknown (nobody close)", new() { Timeout = 30_000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoLocations.Screenshots, "live-tracks-stranger-390.png") });
            await AssertAccessibleAsync(page);

            await LiveControls.StopAsync(page);
            Assert.Empty(errors);
        }
        finally
        {
            await PortalApi.DeleteAsync(page, personId);
        }
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();

        // One known exception, named exactly: MudBlazor's MudSelect (the frame size) renders its activator inside
        // another interactive element. It predates tracks and is the component's own markup; every other
        // serious or critical finding fails, including any other element with that rule.
        static bool MudSelectActivator(Deque.AxeCore.Commons.AxeResultItem v) =>
            v.Id == "nested-interactive" && v.Nodes.All(n => n.Target.ToString() == ".mud-menu-activator");
        var serious = result.Violations.Where(v => v.Impact is "critical" or "serious" && !MudSelectActivator(v)).Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    /// <summary>One drawn result with one face (frames without a face are left out).</summary>
    private sealed record Entry(long Seq, string Label, string Track, string Verdict, string Frame, double Similarity)
    {
        public override string ToString() => $"#{Seq} track {Track}: {Label} [{Verdict}; frame {Frame}] {Similarity:0.000}";
    }

    private static List<Entry> Read(JsonElement trail) => trail.EnumerateArray()
        .Where(e => !string.IsNullOrEmpty(e.GetProperty("tracks").GetString()))
        .Select(e => new Entry(
            e.GetProperty("seq").GetInt64(),
            e.GetProperty("labels").GetString()!,
            e.GetProperty("tracks").GetString()!,
            e.GetProperty("verdicts").GetString()!,
            e.GetProperty("frames").GetString()!,
            double.Parse(e.GetProperty("similarities").GetString()!.Split('|')[0], CultureInfo.InvariantCulture)))
        .ToList();

    /// <summary>Consecutive entries of the same track.</summary>
    private static List<List<Entry>> Runs(List<Entry> trail)
    {
        var runs = new List<List<Entry>>();
        foreach (var entry in trail)
        {
            if (runs.Count == 0 || runs[^1][0].Track != entry.Track)
            {
                runs.Add([]);
            }

            runs[^1].Add(entry);
        }

        return runs;
    }
}
