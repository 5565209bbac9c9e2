using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FacePortal.TestSupport;

/// <summary>
/// The one way tests start programs: a redirected start description, a run to the program's end
/// within a deadline, output captured for failure messages, the dotnet that can load TorchSharp here,
/// free loopback ports. The web app, the worker and the engines (PostgreSQL, Redis) all go through it.
/// </summary>
public static class ProcessRunner
{
    /// <summary>A start description for <paramref name="program"/> with its output and error redirected.</summary>
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>A built .NET program (<paramref name="assembly"/>, a .dll) run by <see cref="DotnetMuxer"/>.</summary>
    public static ProcessStartInfo Dotnet(string assembly, IEnumerable<string> arguments) =>
        StartInfo(DotnetMuxer(), [assembly, .. arguments]);

    /// <summary>
    /// Runs <paramref name="start"/> to its end and returns its exit code and output, whatever the code.
    /// Still running after <paramref name="timeout"/>: killed (with its children), and a
    /// <see cref="TimeoutException"/> carries what it printed so far.
    /// </summary>
    public static async Task<ProcessExit> RunToExitAsync(ProcessStartInfo start, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Describe(start)}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            // ConfigureAwait(false): synchronous callers (EngineProcess.Run, ScratchMount) block on this.
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"{Describe(start)} was still running after {timeout.TotalSeconds:0} s:\n{await output.ConfigureAwait(false)}\n{await error.ConfigureAwait(false)}");
        }

        return new ProcessExit(Describe(start), process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    /// <summary>Collects a long-running child's output and error lines into <paramref name="log"/> (locked on itself), for failure messages.</summary>
    public static void Capture(Process process, StringBuilder log)
    {
        ArgumentNullException.ThrowIfNull(process);
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (log)
            {
                log.AppendLine(line);
            }
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>What <see cref="Capture"/> has collected so far.</summary>
    public static string Read(StringBuilder log)
    {
        ArgumentNullException.ThrowIfNull(log);
        lock (log)
        {
            return log.ToString();
        }
    }

    /// <summary>A loopback port free now; another process may take it before the caller binds it, so callers retry.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// The dotnet that can load TorchSharp here: on Debian 12 the patched side-by-side one that
    /// scripts/runtime.sh writes to .cache/dotnet-path (the web app and the worker train in-process).
    /// </summary>
    public static string DotnetMuxer()
    {
        var recorded = Path.Combine(RepoLocations.Root, ".cache", "dotnet-path");
        if (File.Exists(recorded) && File.ReadAllText(recorded).Trim() is { Length: > 0 } path && File.Exists(path))
        {
            return path;
        }

        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }

        var processPath = Environment.ProcessPath;
        return processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet" ? processPath : "dotnet";
    }

    internal static string Describe(ProcessStartInfo start) => $"'{start.FileName} {string.Join(' ', start.ArgumentList)}'";
}

/// <summary>How a program run by <see cref="ProcessRunner.RunToExitAsync"/> ended.</summary>
public sealed record ProcessExit(string Command, int ExitCode, string Output, string Error)
{
    /// <summary>Output then error; throws with both when the exit code is not zero.</summary>
    public string SucceededOrThrow() => ExitCode == 0
        ? Output + Error
        : throw new InvalidOperationException($"{Command} exited with code {ExitCode}:\n{Output}{Error}");
}
