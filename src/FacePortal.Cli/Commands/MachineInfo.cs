using System.Runtime.InteropServices;

namespace FacePortal.Cli.Commands;

/// <summary>One line naming the machine a measurement was taken on.</summary>
public static class MachineInfo
{
    public static string Describe()
    {
        var cpu = "unknown CPU";
        if (File.Exists("/proc/cpuinfo"))
        {
            cpu = File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?
                .Split(':', 2)[1].Trim() ?? cpu;
        }

        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{cpu}; {Environment.ProcessorCount} cores; {memory:0} GiB; {RuntimeInformation.OSDescription}; .NET {Environment.Version}";
    }
}
