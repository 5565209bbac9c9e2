using System.Net;
using System.Text.Json;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Hosting;

public sealed class HealthEndpointTests(FacePortalFactory factory) : IClassFixture<FacePortalFactory>
{
    [Fact]
    public async Task Healthz_reports_the_loaded_models_and_provider()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var check = json.RootElement.GetProperty("checks").GetProperty("face-pipeline");
        Assert.Equal("CPU", check.GetProperty("data").GetProperty("executionProvider").GetString());
        Assert.Equal(
            ["fr_detect.onnx", "fr_feature.onnx", "fr_landmark.onnx"],
            check.GetProperty("data").GetProperty("models").EnumerateArray().Select(m => m.GetString()));
        Assert.True(check.GetProperty("data").GetProperty("warmupMs").GetDouble() > 0);
    }

    [Fact]
    public async Task Health_page_is_server_rendered_with_the_model_status_for_admins()
    {
        using var client = await factory.SignInAsync();

        var html = await client.GetStringAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("Pipeline health", html, StringComparison.Ordinal);
        Assert.Contains("3 loaded", html, StringComparison.Ordinal);
        Assert.Contains("fr_feature.onnx", html, StringComparison.Ordinal);
        Assert.Contains("_content/MudBlazor/MudBlazor.min.css", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browser_assets_from_the_top_level_wwwroot_are_served()
    {
        using var client = factory.CreateClient();

        using var css = await client.GetAsync(new Uri("/css/app.css", UriKind.Relative), TestContext.Current.CancellationToken);
        using var mud = await client.GetAsync(new Uri("/_content/MudBlazor/MudBlazor.min.css", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(HttpStatusCode.OK, mud.StatusCode);
    }
}
