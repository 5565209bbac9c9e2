using Bunit;
using FacePortal.Shared.Faces;
using FacePortal.Shared.Models;
using FacePortal.TestSupport;
using FacePortal.Web.Components.Pages.Health;
using FacePortal.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FacePortal.Web.Tests.Components.Pages.Health;

public sealed class HealthPageTests : BunitContext
{
    [Fact]
    public void Shows_models_provider_and_warm_up_time()
    {
        using var models = FaceModels.LoadPipeline(new FaceModelOptions { Directory = RepoLocations.Models, IntraOpThreads = 2 });
        var warmup = new WarmupReport(TimeSpan.FromMilliseconds(3.2), TimeSpan.FromMilliseconds(0.8), TimeSpan.FromMilliseconds(11.5));
        Services.AddSingleton(new PipelineStatus(models, warmup));
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;

        var page = Render<HealthPage>();

        Assert.Equal("3 loaded", page.Find("#models-status").TextContent.Trim());
        Assert.Equal("CPU", page.Find("#execution-provider").TextContent.Trim());
        Assert.Equal("15.5 ms", page.Find("#warmup-time").TextContent.Trim());
        var rows = page.FindAll("#model-table tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Contains("512-d face embedding", rows.Single(r => r.TextContent.Contains("fr_feature.onnx", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        Assert.Contains("11.5 ms", page.Markup, StringComparison.Ordinal);
        Assert.Contains("2 thread(s) per session", page.Markup, StringComparison.Ordinal);
    }
}
