using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using FacePortal.LoadBench;
using FacePortal.Shared.Imaging;
using FacePortal.TestSupport;

// Live-recognition load benchmark: starts the web app (Release) on loopback, enrolls one person,
// then streams a real 640x480 face JPEG from N concurrent SignalR clients for a fixed time per N.
//   dotnet run -c Release --project tests/FacePortal.LoadBench -- [--clients 1,2,4,8] [--seconds 10] [--in-flight 1] [--tracking on,off]
// --scenario large-photos [--requests 16]: memory under concurrent verify calls with near-limit photos (LargePhotoMemoryBench).
// --scenario nodes [--changes 50] [--clients 2]: two web nodes on one Redis, change propagation and frames/s (WebNodesBench).
var options = Options.Parse(args);
var inv = CultureInfo.InvariantCulture;
if (options.Scenario == "large-photos")
{
    return await LargePhotoMemoryBench.RunAsync(options.Requests);
}

if (options.Scenario == "nodes")
{
    return await WebNodesBench.RunAsync(options.Changes, options.Clients, options.Seconds, options.WarmupSeconds, Machine.Cpu());
}

var frame = Frame(options.Image);
Console.WriteLine(string.Create(inv, $"Frame: {Path.GetFileName(options.Image)} as a 640x480 JPEG, {frame.Length / 1024.0:0.0} KiB; {options.InFlight} frame(s) in flight per client; {options.Seconds} s measured per step after {options.WarmupSeconds} s warm-up"));
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Machine.Cpu()}, {Environment.OSVersion}");

// The per-connection rate limit (30 frames/s by default) would cap one client below the server's capacity; lift it for the measurement.
// --tracking on,off starts one web app per setting and alternates them step by step, so both see the same machine.
var nodes = new List<(string Tracking, PortalServer Server, string Cookie)>();
foreach (var tracking in options.Tracking)
{
    var server = await PortalServer.StartAsync(CancellationToken.None, new Dictionary<string, string>
    {
        ["FacePortal__Live__MaxFramesPerSecond"] = "1000",
        ["FacePortal__Live__Tracks__Enabled"] = tracking == "on" ? "true" : "false",
    });
    using var cookies = new HttpClientHandler { AllowAutoRedirect = false };
    using var api = new HttpClient(cookies) { BaseAddress = server.BaseAddress };
    await PortalSignIn.SignInAsync(api, PortalServer.AdminName, PortalServer.AdminPassword);
    nodes.Add((tracking, server, $"FacePortal.Auth={cookies.CookieContainer.GetCookies(server.BaseAddress)["FacePortal.Auth"]!.Value}"));
    await EnrollAsync(api);
    Console.WriteLine($"Web app (tracking {tracking}): pid {server.ProcessId} at {server.BaseAddress}; memory after start {server.Memory().CurrentMiB:0} MiB");
}

Console.WriteLine();
Console.WriteLine("tracking  clients  frames/s  rtt p50  rtt p95  server p50  queue p50  other results          peak RSS");

foreach (var n in options.Clients)
{
    foreach (var (tracking, server, cookie) in nodes)
    {
        var clients = Enumerable.Range(0, n).Select(_ => new LiveLoadClient(server.BaseAddress, cookie, frame, options.InFlight)).ToList();
        await Task.WhenAll(clients.Select(c => c.StartAsync(CancellationToken.None)));
        using var stop = new CancellationTokenSource();
        var running = clients.Select(c => Task.Run(() => c.RunAsync(stop.Token))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));
        clients.ForEach(c => c.Record(true));
        await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
        clients.ForEach(c => c.Record(false));
        await stop.CancelAsync();
        await Task.WhenAll(running);

        var rtt = clients.SelectMany(c => c.RoundTripsMs).Order().ToArray();
        var serverMs = clients.SelectMany(c => c.ServerMs).Order().ToArray();
        var queue = clients.SelectMany(c => c.QueueMs).Order().ToArray();
        var other = clients.SelectMany(c => c.Statuses).Where(s => s.Key != "ok").GroupBy(s => s.Key).Select(g => $"{g.Key}={g.Sum(s => s.Value)}");
        var otherText = string.Join(" ", other);
        Console.WriteLine(string.Create(inv,
            $"{tracking,8}  {n,7}  {rtt.Length / (double)options.Seconds,8:0.0}  {Percentile(rtt, 0.5),7:0.0}  {Percentile(rtt, 0.95),7:0.0}  {Percentile(serverMs, 0.5),10:0.0}  {Percentile(queue, 0.5),9:0.0}  {(otherText.Length == 0 ? "none" : otherText),-22}  {server.Memory().PeakMiB,5:0} MiB"));
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }
}

foreach (var (_, server, _) in nodes)
{
    await server.DisposeAsync();
}

Console.WriteLine();
Console.WriteLine("rtt: client send to result, milliseconds; server: arrival to result sent; queue: arrival to analysis start. Peak RSS is the web process's high-water mark so far (VmHWM).");
return 0;

static byte[] Frame(string path)
{
    using var image = new ImageDecoder().Decode(File.ReadAllBytes(path));
    return ImageTransforms.CoverJpeg(image, 640, 480, 85);
}

static double Percentile(double[] sorted, double p) =>
    sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

static async Task EnrollAsync(HttpClient http)
{
    using var created = await http.PostAsJsonAsync(new Uri("api/v1/people", UriKind.Relative), new { name = "Load Bench" });
    created.EnsureSuccessStatusCode();
    var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    using var form = new MultipartFormDataContent();
    foreach (var photo in new[] { "img2.jpg", "img4.jpg" })
    {
        form.Add(new ByteArrayContent(File.ReadAllBytes(Path.Combine(RepoLocations.DeepFace, photo))), "files", photo);
    }

    using var uploaded = await http.PostAsync(new Uri($"api/v1/people/{id}/photos", UriKind.Relative), form);
    uploaded.EnsureSuccessStatusCode();
}

/// <summary>Command-line options.</summary>
internal sealed record Options(int[] Clients, int Seconds, int WarmupSeconds, int InFlight, string Image, string Scenario, int Requests, int Changes, string[] Tracking)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        return new Options(
            (Value("--clients") ?? "1,2,4,8").Split(',').Select(int.Parse).ToArray(),
            int.Parse(Value("--seconds") ?? "10", CultureInfo.InvariantCulture),
            int.Parse(Value("--warmup") ?? "2", CultureInfo.InvariantCulture),
            int.Parse(Value("--in-flight") ?? "1", CultureInfo.InvariantCulture),
            Value("--image") ?? Path.Combine(RepoLocations.DeepFace, "img1.jpg"),
            Value("--scenario") ?? "live",
            int.Parse(Value("--requests") ?? "16", CultureInfo.InvariantCulture),
            int.Parse(Value("--changes") ?? "50", CultureInfo.InvariantCulture),
            (Value("--tracking") ?? "on").Split(',').Select(t => t is "on" or "off" ? t : throw new ArgumentException($"--tracking takes on and/or off, not {t}.")).ToArray());
    }
}

/// <summary>What the figures were measured on.</summary>
internal static class Machine
{
    public static string Cpu()
    {
        var line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? "unknown CPU";
    }
}
