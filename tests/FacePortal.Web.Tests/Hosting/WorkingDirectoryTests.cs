using System.Net;
using FacePortal.TestSupport;

namespace FacePortal.Web.Tests.Hosting;

/// <summary>
/// The app started as a service manager or a container starts it: from another working directory and
/// without --contentRoot. It must still find its settings and the models from its own location.
/// </summary>
public sealed class WorkingDirectoryTests
{
    [Fact]
    public async Task Started_from_another_folder_the_app_loads_the_models_of_its_install()
    {
        var elsewhere = Directory.CreateTempSubdirectory("faceportal-cwd-").FullName;
        try
        {
            await using var server = await PortalServer.StartAsync(
                TestContext.Current.CancellationToken, launch: new PortalLaunch { WorkingDirectory = elsewhere });

            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            using var health = await http.GetAsync(new Uri("healthz", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Contains("\"models\":[", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            // The models (and their tuning cache) of the repository, not of the working directory.
            Assert.Contains($"Face models loaded from {RepoLocations.Models} ", server.Log, StringComparison.Ordinal);
            // appsettings.json was read from the app's folder: its log levels keep EF Core's per-command lines out.
            Assert.DoesNotContain("Executed DbCommand", server.Log, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
