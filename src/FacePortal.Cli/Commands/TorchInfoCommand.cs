using TorchSharp;

namespace FacePortal.Cli.Commands;

/// <summary>torch-info: proves the native TorchSharp runtime loads here (the Debian 12 case needs scripts/runtime.sh).</summary>
public static class TorchInfoCommand
{
    public static int Run(TextWriter output)
    {
        var device = torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        using var a = torch.ones(2, 3, device: device);
        using var sum = a.sum();
        output.WriteLine($"TorchSharp loaded; device {device.type}; CUDA available: {torch.cuda.is_available()}; threads: {torch.get_num_threads()}; check sum = {sum.item<float>()}");
        return 0;
    }
}
