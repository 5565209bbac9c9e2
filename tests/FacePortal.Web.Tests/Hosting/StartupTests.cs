using FacePortal.Core.Hosting;
using FacePortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public void Missing_models_stop_start_up()
    {
        var empty = Directory.CreateTempSubdirectory("faceportal-nomodels-").FullName;
        try
        {
            using var factory = new FacePortalFactory { ModelDirectory = empty };
            var originalError = Console.Error;
            using var captured = new StringWriter();
            Console.SetError(captured);
            try
            {
                // Program returns before building the host, so the factory has no server to create.
                Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            }
            finally
            {
                Console.SetError(originalError);
            }

            Assert.Contains("fr_detect.onnx", captured.ToString(), StringComparison.Ordinal);
            Assert.Contains("scripts/setup.sh", captured.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task The_web_app_runs_the_node_s_start_up_steps_with_its_own_in_their_places_and_then_answers_healthy()
    {
        await using var factory = new FacePortalFactory();
        using var client = factory.CreateClient();

        var steps = factory.Services.GetRequiredService<StartupRunner>().Steps.Select(s => s.Name);

        // The worker's are the node's (AddFacePortalNode); warm-up, request buffers and the first admin are the web app's.
        Assert.Equal(
            [
                "check the job storage", "check the data directory", "load the face models", "warm up the face pipeline", "migrate the database",
                "remove leftover request buffers", "migrate the accounts and seed the first admin", "load the gallery and the model in use",
            ],
            steps);
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(health.IsSuccessStatusCode, $"/healthz answered {(int)health.StatusCode}");
    }
}
