using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FacePortal.TestSupport.Engines;

/// <summary>
/// What the private engine fixtures share: free loopback ports, running a program to its end, and
/// dropping root for engines that refuse to run as root (PostgreSQL).
/// </summary>
internal static class EngineProcess
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsRoot => Environment.UserName == "root" || GetEffectiveUserId() == 0;

    /// <summary>A start description for <paramref name="program"/>, run as <paramref name="user"/> when that is set (we are root).</summary>
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, string? user)
    {
        var start = new ProcessStartInfo(user is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (user is not null)
        {
            // The caller's directory may be closed to that user.
            start.WorkingDirectory = "/";
            foreach (var arg in new[] { "-u", user, "--", program })
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>Runs a program to its end within <paramref name="timeout"/>; a non-zero exit throws with its output.</summary>
    public static async Task<string> RunAsync(ProcessStartInfo start, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Describe(start)} was still running after {timeout.TotalSeconds:0} s.");
        }

        var text = await output + await error;
        return process.ExitCode == 0
            ? text
            : throw new InvalidOperationException($"{Describe(start)} exited with code {process.ExitCode}:\n{text}");
    }

    public static void Run(ProcessStartInfo start, TimeSpan timeout) => RunAsync(start, timeout).GetAwaiter().GetResult();

    /// <summary>Makes <paramref name="directory"/> (and what is in it) belong to <paramref name="user"/>.</summary>
    public static void GiveTo(string directory, string user) =>
        Run(StartInfo("chown", ["-R", $"{user}:", directory], user: null), TimeSpan.FromSeconds(30));

    public static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; it lives under /tmp.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    /// <summary>A buffer for a child's output, for failure messages.</summary>
    public static void Capture(Process process, StringBuilder log)
    {
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

    /// <summary>Whether process <paramref name="pid"/> still runs (a zombie waiting to be reaped does not).</summary>
    public static bool IsRunning(string pid)
    {
        try
        {
            var state = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("State:", StringComparison.Ordinal));
            return state is not null && !state.Contains('Z', StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string Describe(ProcessStartInfo start) => $"'{start.FileName} {string.Join(' ', start.ArgumentList)}'";

    private static uint GetEffectiveUserId()
    {
        // /proc/self/status "Uid:" holds real, effective, saved and fs ids.
        var uid = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return uid is null ? uint.MaxValue : uint.Parse(uid.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2], System.Globalization.CultureInfo.InvariantCulture);
    }
}
