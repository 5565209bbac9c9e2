using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace FacePortal.Shared.Models;

/// <summary>The processor this process runs on, by name, and a key that tells processors apart.</summary>
public static class CpuIdentity
{
    /// <summary>The model name the kernel reports ("Intel(R) Xeon(R) Processor"), or the architecture when it reports none.</summary>
    public static string Name { get; } = CpuInfoField("model name") ?? $"{RuntimeInformation.ProcessArchitecture} CPU";

    /// <summary>
    /// The name plus a short hash of the instruction-set flags: virtual machines often report a generic
    /// name, while the flags (AVX-512, AMX, VNNI, ...) are what change which kernels ONNX Runtime runs.
    /// </summary>
    public static string Key { get; } = CpuInfoField("flags") is { } flags
        ? $"{Name} [flags {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(flags)))[..8]}]"
        : Name;

    private static string? CpuInfoField(string field)
    {
        const string path = "/proc/cpuinfo";
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path)
            .Where(l => l.StartsWith(field, StringComparison.Ordinal) && l.IndexOf(':', StringComparison.Ordinal) > 0)
            .Select(l => l.Split(':', 2)[1].Trim())
            .FirstOrDefault();
    }
}
