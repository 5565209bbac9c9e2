using System.Diagnostics;
using System.Text;
using FacePortal.TestSupport;

namespace FacePortal.ScaleOut.Tests.Support;

/// <summary>
/// <c>./faceportal worker</c> as its own process (the built CLI, run with the same dotnet as
/// PortalServer), with a name of our choosing so tests can tell which worker ran a job.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
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

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts a worker on <paramref name="dataDirectory"/> (the web node's: the blob store is shared) and waits until its training server runs.</summary>
    public static async Task<WorkerProcess> StartAsync(string name, string dataDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var start = new ProcessStartInfo(PortalServer.DotnetMuxer())
        {
            WorkingDirectory = RepoLocations.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(RepoLocations.Root, "src", "FacePortal.Cli", "bin", configuration, "net10.0", "faceportal.dll"), "worker", "--data", dataDirectory, "--name", name })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var worker = new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the worker."), name);
        worker._process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        worker._process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();

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

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
