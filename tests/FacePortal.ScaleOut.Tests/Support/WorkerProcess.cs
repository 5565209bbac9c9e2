using System.Diagnostics;
using System.Text;
using FacePortal.TestSupport;

namespace FacePortal.ScaleOut.Tests.Support;

/// <summary>
/// <c>./faceportal worker</c> as its own process: the CLI as built in the test's own configuration
/// (src/FacePortal.Cli/bin/...), started through <see cref="ProcessRunner"/> with the same dotnet as
/// <see cref="PortalServer"/>, with a name of our choosing so tests can tell which worker ran a job.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private WorkerProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Log => ProcessRunner.Read(_log);

    /// <summary>Starts a worker on <paramref name="dataDirectory"/> (the web node's: the blob store is shared) and waits until its training server runs.</summary>
    public static async Task<WorkerProcess> StartAsync(string name, string dataDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var cli = Path.Combine(RepoLocations.BuiltProject("FacePortal.Cli"), "faceportal.dll");
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException($"The worker needs the built CLI, {cli}: build FacePortal.sln (or src/FacePortal.Cli) in {RepoLocations.BuildConfiguration} first.", cli);
        }

        var start = ProcessRunner.Dotnet(cli, ["worker", "--data", dataDirectory, "--name", name]);
        start.WorkingDirectory = RepoLocations.Root;

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var worker = new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the worker."), name);
        ProcessRunner.Capture(worker._process, worker._log);

        var deadline = DateTime.UtcNow + StartTimeout;
        while (!worker.Log.Contains("all the dispatchers started", StringComparison.Ordinal))
        {
            if (worker._process.HasExited)
            {
                throw new InvalidOperationException($"Worker {name} exited with code {worker._process.ExitCode}:\n{worker.Log}");
            }

            if (DateTime.UtcNow > deadline)
            {
                await worker.DisposeAsync();
                throw new TimeoutException($"Worker {name} did not start within {StartTimeout.TotalSeconds:0} s:\n{worker.Log}");
            }

            await Task.Delay(100, cancellationToken);
        }

        return worker;
    }

    /// <summary>SIGKILL: nothing of the worker's own shutdown runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, as <c>docker stop</c> or systemd sends it; returns how long the worker took to exit (at most <paramref name="timeout"/>).</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Worker {Name} was still running {timeout.TotalSeconds:0} s after SIGTERM:\n{Log}");
        }

        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
