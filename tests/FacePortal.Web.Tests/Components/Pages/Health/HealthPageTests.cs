using Bunit;
using FacePortal.Shared.Faces;
using FacePortal.Shared.Models;
using FacePortal.TestSupport;
using FacePortal.Web.Health;
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
        Services.AddScoped<FacePortal.Web.Components.Shared.UserTime>();
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

    [Fact]
    public void Shows_the_session_setting_of_each_model_and_what_was_measured()
    {
        var cache = Directory.CreateTempSubdirectory("faceportal-health-tuning-").FullName;
        try
        {
            using var models = FaceModels.LoadPipeline(new FaceModelOptions { Directory = RepoLocations.Models, TuningCacheDirectory = cache });
            Services.AddSingleton(new PipelineStatus(models, new WarmupReport(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero)));
            Services.AddMudServices();
            Services.AddScoped<FacePortal.Web.Components.Shared.UserTime>();
            JSInterop.Mode = JSRuntimeMode.Loose;

            var page = Render<HealthPage>();

            var embedder = page.FindAll("#model-table tbody tr").Single(r => r.TextContent.Contains(ModelFile.Embedder, StringComparison.Ordinal));
            var chosen = models.Tuning[ModelFile.Embedder];
            Assert.Equal(chosen.Setting, embedder.QuerySelector(".session-setting code")!.TextContent.Trim());
            Assert.Contains("measured at this start", embedder.TextContent, StringComparison.Ordinal);
            foreach (var candidate in SessionSetting.Candidates)
            {
                Assert.Contains($"{candidate.Name}: ", embedder.QuerySelector(".session-timings")!.TextContent, StringComparison.Ordinal);
            }

            Assert.Contains("Session tuning Auto", page.Find("#tuning-summary").TextContent, StringComparison.Ordinal);
            Assert.Contains(cache, page.Find("#tuning-summary").TextContent, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
