using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FacePortal.ScaleOut.Tests.WebNodes;
using FacePortal.Shared.Imaging;
using FacePortal.TestSupport;

namespace FacePortal.LoadBench;

/// <summary>
/// Two web nodes on one Redis (and PostgreSQL when the app has it): how long a change made on node A
/// takes to show on node B, and live frames/s through node B with Redis in the path versus a single
/// node without Redis, in one run.
///   dotnet run -c Release --project tests/FacePortal.LoadBench -- --scenario nodes [--changes 50] [--clients 2] [--seconds 10]
/// </summary>
internal static class WebNodesBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(int changes, int[] clients, int seconds, int warmupSeconds, string cpu)
    {
        var ct = CancellationToken.None;
        var settings = new Dictionary<string, string>
        {
            ["FacePortal__Live__MaxFramesPerSecond"] = "1000",

            // Only the channel counts: the periodic reload would come far later than any change measured here.
            ["FacePortal__Redis__ReconcileInterval"] = "00:30:00",

            // Each node logs how long after its publication it applied another node's change.
            ["Logging__LogLevel__FacePortal.Core.ScaleOut.GallerySync"] = "Debug",
        };
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {cpu}, {Environment.OSVersion}");

        // A small frame answers quickly, so the probe that sees a change is close behind it.
        using var image = new ImageDecoder().Decode(File.ReadAllBytes(Path.Combine(RepoLocations.DeepFace, "img4.jpg")));
        var probe = ImageTransforms.CoverJpeg(image, 320, 240, 85);
        var frame = ImageTransforms.CoverJpeg(image, 640, 480, 85);

        double[] withRedis;
        await using (var cluster = await WebNodeCluster.StartAsync(ct, settings))
        {
            Console.WriteLine($"Two web nodes on one Redis and {cluster.Database}: A pid {cluster.A.ProcessId}, B pid {cluster.B.ProcessId}");
            using var adminA = await NodeClient.SignInAsync(cluster.A);
            using var adminB = await NodeClient.SignInAsync(cluster.B);
            var person = await adminA.CreatePersonAsync("Bench 0", ct);
            await adminA.EnrollAsync(person, ["img1.jpg", "img2.jpg"], ct);
            await using var liveB = await LiveClient.ConnectAsync(cluster.B.BaseAddress, adminB.AuthCookie, ct);
            await Bounded.UntilAsync(async () => await liveB.NameInAsync(probe, ct) == "Bench 0", Stopwatch.StartNew(), TimeSpan.FromSeconds(10), ct);

            var frameMs = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                var started = Stopwatch.StartNew();
                await liveB.NameInAsync(probe, ct);
                frameMs.Add(started.Elapsed.TotalMilliseconds);
            }

            var seen = new List<double>();
            var firstProbeSaw = 0;
            var answered = new List<double>();
            for (var i = 1; i <= changes; i++)
            {
                var name = $"Bench {i}";
                await adminA.RenameAsync(person, name, ct);
                var renamed = Stopwatch.StartNew();
                var probes = 0;
                var sentAt = await Bounded.UntilAsync(async () => ++probes > 0 && await liveB.NameInAsync(probe, ct) == name, renamed, TimeSpan.FromSeconds(10), ct);
                seen.Add(sentAt.TotalMilliseconds);
                firstProbeSaw += probes == 1 ? 1 : 0;
                answered.Add(renamed.Elapsed.TotalMilliseconds);
            }

            var applied = AppliedLagsMs(cluster.B.Log, "PersonRenamed");
            Console.WriteLine();
            Console.WriteLine(string.Create(Inv, $"A change on A (a rename, {changes} times) applied on B, ms from A's publication (after its commit) to B's index (B's log, {applied.Count} changes):"));
            Console.WriteLine(string.Create(Inv, $"  p50 {Percentile(applied, 0.5):0.00}  p95 {Percentile(applied, 0.95):0.00}  max {applied.DefaultIfEmpty(double.NaN).Max():0.00}"));
            Console.WriteLine(string.Create(Inv, $"The same changes seen end to end on B's live hub, ms after A's answer:"));
            Console.WriteLine(string.Create(Inv, $"  the first probe frame, sent the moment A answered, already saw it in {firstProbeSaw} of {seen.Count}; the probe that saw it was sent at p50 {Percentile(seen, 0.5):0.0}  p95 {Percentile(seen, 0.95):0.0}  max {seen.Max():0.0}"));
            Console.WriteLine(string.Create(Inv, $"  its answer came back at:                   p50 {Percentile(answered, 0.5):0.0}  p95 {Percentile(answered, 0.95):0.0}  max {answered.Max():0.0}"));
            Console.WriteLine(string.Create(Inv, $"  (one 320x240 probe frame on B alone takes p50 {Percentile(frameMs, 0.5):0.0} ms: the resolution of the first line)"));

            withRedis = await FramesPerSecondAsync(cluster.B, adminB.AuthCookie, frame, clients, seconds, warmupSeconds);
        }

        double[] single;
        await using (var alone = await PortalServer.StartAsync(ct, new Dictionary<string, string> { ["FacePortal__Live__MaxFramesPerSecond"] = "1000" }))
        {
            using var admin = await NodeClient.SignInAsync(alone);
            var person = await admin.CreatePersonAsync("Bench 0", ct);
            await admin.EnrollAsync(person, ["img1.jpg", "img2.jpg"], ct);
            single = await FramesPerSecondAsync(alone, admin.AuthCookie, frame, clients, seconds, warmupSeconds);
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(Inv, $"Live frames/s (640x480 JPEG, one in flight per client, {seconds} s after {warmupSeconds} s warm-up):"));
        Console.WriteLine("clients  node B, Redis backplane  one node, no Redis");
        for (var i = 0; i < clients.Length; i++)
        {
            Console.WriteLine(string.Create(Inv, $"{clients[i],7}  {withRedis[i],23:0.0}  {single[i],18:0.0}"));
        }

        return 0;
    }

    private static async Task<double[]> FramesPerSecondAsync(PortalServer node, string cookie, byte[] frame, int[] clientCounts, int seconds, int warmupSeconds)
    {
        var rates = new double[clientCounts.Length];
        for (var step = 0; step < clientCounts.Length; step++)
        {
            var clients = Enumerable.Range(0, clientCounts[step]).Select(_ => new LiveLoadClient(node.BaseAddress, cookie, frame, 1)).ToList();
            await Task.WhenAll(clients.Select(c => c.StartAsync(CancellationToken.None)));
            using var stop = new CancellationTokenSource();
            var running = clients.Select(c => Task.Run(() => c.RunAsync(stop.Token))).ToList();
            await Task.Delay(TimeSpan.FromSeconds(warmupSeconds));
            clients.ForEach(c => c.Record(true));
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            clients.ForEach(c => c.Record(false));
            await stop.CancelAsync();
            await Task.WhenAll(running);
            rates[step] = clients.Sum(c => c.RoundTripsMs.Count) / (double)seconds;
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }

        return rates;
    }

    /// <summary>The lags B logged for <paramref name="kind"/> changes ("Applied PersonRenamed from another node 1.234 ms after it was published").</summary>
    private static List<double> AppliedLagsMs(string log, string kind) =>
        Regex.Matches(log, $@"Applied {kind} from another node (\d+[.,]\d+) ms")
            .Select(m => double.Parse(m.Groups[1].Value.Replace(',', '.'), Inv))
            .ToList();

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
    }
}
