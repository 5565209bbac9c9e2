using System.Runtime.InteropServices;
using FacePortal.Shared.Models;
using Microsoft.ML.OnnxRuntime;

namespace FacePortal.Cli.Commands;

/// <summary>One line naming the machine a measurement was taken on.</summary>
public static class MachineInfo
{
    public static string Describe()
    {
        var cpu = CpuIdentity.Name;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{cpu}; {Environment.ProcessorCount} cores; {memory:0} GiB; {RuntimeInformation.OSDescription}; .NET {Environment.Version}; ONNX Runtime {OrtEnv.Instance().GetVersionString()}";
    }
}
