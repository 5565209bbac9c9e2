using System.Net;
using System.Text.RegularExpressions;
using FacePortal.TestSupport;

namespace FacePortal.Web.Tests.Hosting;

/// <summary>
/// The GPU build (-p:FacePortalGpu=true, built by ./test.sh into artifacts/gpu/) started on our machines,
/// which have no GPU: it must come up on the CPU and say why on the health page. It has never run on a GPU.
/// </summary>
public sealed partial class GpuBuildTests
{
    [Fact]
    public async Task The_gpu_build_falls_back_to_the_cpu_without_a_gpu_and_says_so_on_the_health_page()
    {
        var build = RepoLocations.GpuBuild;
        // The GPU package's CUDA provider is there: this really is the GPU build, not a copy of the CPU one.
        Assert.True(File.Exists(Path.Combine(build, "runtimes", "linux-x64", "native", "libonnxruntime_providers_cuda.so")), $"No CUDA provider library in {build}.");
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await PortalServer.StartAsync(
            cancellationToken, launch: new PortalLaunch { ApplicationFolder = build, WorkingDirectory = Path.GetTempPath() });

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = server.BaseAddress,
        };
        await PortalSignIn.SignInAsync(http, PortalServer.AdminName, PortalServer.AdminPassword);
        var page = await http.GetStringAsync(new Uri("health", UriKind.Relative), cancellationToken);

        Assert.Matches(ExecutionProviderCpu(), page);
        Assert.Contains("GPU build", page, StringComparison.Ordinal);
        Assert.Contains("CUDA is unavailable (", page, StringComparison.Ordinal);
        Assert.Contains("); using the CPU.", page, StringComparison.Ordinal);
        Assert.Contains("execution provider CPU (CUDA is unavailable", server.Log, StringComparison.Ordinal);
    }

    [GeneratedRegex("""id="execution-provider"[^>]*>\s*CPU\s*<""")]
    private static partial Regex ExecutionProviderCpu();
}
