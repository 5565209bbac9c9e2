using System.Diagnostics;

namespace FacePortal.TestSupport.Engines;

/// <summary>
/// What the private engine fixtures add to <see cref="ProcessRunner"/>: dropping root for engines that
/// refuse to run as root (PostgreSQL), failing on a non-zero exit, and cleaning up their directories.
/// </summary>
public static class EngineProcess
{
    public static bool IsRoot => Environment.UserName == "root" || GetEffectiveUserId() == 0;

    /// <summary>A start description for <paramref name="program"/>, run as <paramref name="user"/> when that is set (we are root).</summary>
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, string? user)
    {
        if (user is null)
        {
            return ProcessRunner.StartInfo(program, arguments);
        }

        var start = ProcessRunner.StartInfo("runuser", ["-u", user, "--", program, .. arguments]);

        // The caller's directory may be closed to that user.
        start.WorkingDirectory = "/";
        return start;
    }

    /// <summary>Runs a program to its end within <paramref name="timeout"/>; a non-zero exit throws with its output.</summary>
    public static async Task<string> RunAsync(ProcessStartInfo start, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        (await ProcessRunner.RunToExitAsync(start, timeout, cancellationToken).ConfigureAwait(false)).SucceededOrThrow();

    public static void Run(ProcessStartInfo start, TimeSpan timeout) => RunAsync(start, timeout).GetAwaiter().GetResult();

    /// <summary>Makes <paramref name="directory"/> (and what is in it) belong to <paramref name="user"/>.</summary>
    public static void GiveTo(string directory, string user) =>
        Run(StartInfo("chown", ["-R", $"{user}:", directory], user: null), TimeSpan.FromSeconds(30));

    /// <summary>
    /// Deletes <paramref name="directory"/> in a process of its own and returns at once: at process exit the test host
    /// allows about ten seconds, and a shared server's directory (hundreds of test databases) can take longer than that.
    /// </summary>
    public static void DeleteInBackground(string directory)
    {
        var start = ProcessRunner.StartInfo("rm", ["-rf", "--", directory]);
        start.WorkingDirectory = "/";
        using var process = Process.Start(start);
    }

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

    private static uint GetEffectiveUserId()
    {
        // /proc/self/status "Uid:" holds real, effective, saved and fs ids.
        var uid = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return uid is null ? uint.MaxValue : uint.Parse(uid.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2], System.Globalization.CultureInfo.InvariantCulture);
    }
}
