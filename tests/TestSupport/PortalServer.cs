using System.Diagnostics;
using System.Net;
using System.Text;

namespace FacePortal.TestSupport;

/// <summary>
/// Runs the built web app (the same configuration as the caller: Debug or Release) as a separate
/// process on a free loopback port, as ./run.sh would, with a fresh data directory.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly Process _process;
    private readonly StringBuilder _log = new();

    public const string AdminName = "admin";
    public const string AdminPassword = "Accept-Passw0rd!";

    private readonly bool _ownsDataDirectory;

    private PortalServer(Process process, Uri baseAddress, string dataDirectory, bool ownsDataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    public Uri BaseAddress { get; }

    /// <summary>A fresh data directory (database, photos, crops) for this server only, unless the caller gave one.</summary>
    public string DataDirectory { get; }

    /// <summary>Every file in the blob store: photos and aligned crops.</summary>
    public IReadOnlyList<string> BlobFiles()
    {
        var blobs = Path.Combine(DataDirectory, "blobs");
        return Directory.Exists(blobs) ? Directory.GetFiles(blobs, "*", SearchOption.AllDirectories) : [];
    }

    public string Log => ProcessRunner.Read(_log);

    /// <summary>The web app's process id (for memory figures).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Peak and current resident memory of the web process, in MiB, from /proc (Linux).</summary>
    public (double PeakMiB, double CurrentMiB) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        double Read(string key) => double.Parse(
            status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            System.Globalization.CultureInfo.InvariantCulture) / 1024;
        return (Read("VmHWM:"), Read("VmRSS:"));
    }

    /// <param name="environment">Extra settings for the app, as environment variables (<c>FacePortal__Live__MaxFramesPerSecond</c>...).</param>
    /// <param name="dataDirectory">An existing data directory to use (as after a restart), left in place on disposal; null for a fresh one.</param>
    /// <param name="launch">Which build to start and from where; null for <see cref="PortalLaunch.RunScript"/>.</param>
    public static async Task<PortalServer> StartAsync(
        CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null, string? dataDirectory = null, PortalLaunch? launch = null)
    {
        var port = ProcessRunner.FreePort();
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("faceportal-e2e-").FullName;
        var start = StartInfo(port, data, environment, launch ?? PortalLaunch.RunScript);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web app.");
        var server = new PortalServer(process, new Uri($"http://127.0.0.1:{port}/"), data, ownsDataDirectory: dataDirectory is null);
        ProcessRunner.Capture(process, server._log);

        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        // Model loading and tuning take seconds on a quiet machine and a minute or more on a loaded one (CI shares it).
        var deadline = DateTime.UtcNow.Add(StartTimeout);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The web app exited with code {process.ExitCode}:\n{server.Log}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, cancellationToken);
        }

        await server.DisposeAsync();
        throw new TimeoutException($"The web app did not become healthy within {StartTimeout.TotalSeconds:0} s:\n{server.Log}");
    }

    /// <summary>Ends the app at once (SIGKILL, as <c>kill -9</c>): nothing of its own clean-up runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        if (!_ownsDataDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; it lives under /tmp.
        }
    }

    /// <summary>
    /// Runs the app with <paramref name="environment"/> and waits for it to exit by itself, as it
    /// does when it cannot start; a fresh data directory is used and deleted, unless
    /// <paramref name="dataDirectory"/> names one (left as it is).
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunUntilExitAsync(
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken, string? dataDirectory = null)
    {
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("faceportal-e2e-").FullName;
        try
        {
            var exit = await ProcessRunner.RunToExitAsync(StartInfo(ProcessRunner.FreePort(), data, environment, PortalLaunch.RunScript), timeout, cancellationToken);
            return (exit.ExitCode, exit.Output, exit.Error);
        }
        finally
        {
            if (dataDirectory is null)
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    /// <summary>The app as <paramref name="launch"/> says, on <paramref name="port"/> with <paramref name="data"/> as its data directory.</summary>
    private static ProcessStartInfo StartInfo(int port, string data, IReadOnlyDictionary<string, string>? environment, PortalLaunch launch)
    {
        var bin = launch.ApplicationFolder ?? RepoLocations.BuiltProject("FacePortal.Web");
        List<string> arguments = launch.WorkingDirectory is null ? ["--contentRoot", bin] : [];
        arguments.AddRange(["--urls", $"http://127.0.0.1:{port}", "--FacePortal:DataDirectory", data]);
        var start = ProcessRunner.Dotnet(Path.Combine(bin, "FacePortal.Web.dll"), arguments);
        start.WorkingDirectory = launch.WorkingDirectory ?? RepoLocations.Root;

        // The first admin from configuration, as the README documents for deployments.
        start.Environment["FacePortal__Admin__UserName"] = AdminName;
        start.Environment["FacePortal__Admin__Password"] = AdminPassword;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
