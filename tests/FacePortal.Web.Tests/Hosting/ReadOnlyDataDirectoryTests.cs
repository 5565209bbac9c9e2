using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FacePortal.TestSupport;
using FacePortal.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace FacePortal.Web.Tests.Hosting;

/// <summary>A data directory that really is read-only (a tmpfs remounted ro): at start-up and while the app runs.</summary>
// About the embedded database file in the data directory: the PostgreSQL leg of test.sh leaves it out.
[Trait("Database", "Sqlite")]
public sealed class ReadOnlyDataDirectoryTests
{
    [Fact]
    public async Task Start_up_on_a_read_only_data_directory_stops_with_one_line_naming_it()
    {
        using var disk = ScratchMount.Create();
        disk.MakeReadOnly();

        foreach (var data in new[] { disk.Path, Path.Combine(disk.Path, "data") })
        {
            var (exitCode, output, error) = await PortalServer.RunUntilExitAsync(
                new Dictionary<string, string>(), TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken, dataDirectory: data);

            Assert.Equal(1, exitCode);

            // No stack trace on either stream: the host's own log of the failed start included.
            Assert.DoesNotMatch(@"(?m)^\s+at \S", output + "\n" + error);
            Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
            Assert.Equal(
                [$"FacePortal cannot start: the data directory {data} is not writable (read-only file system); mount it read-write or set FacePortal__DataDirectory to a writable folder."],
                error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }

    [Fact]
    public async Task A_data_directory_that_turns_read_only_while_running_is_reported_not_hidden()
    {
        using var disk = ScratchMount.Create();
        await using var factory = new FacePortalFactory { DataDirectory = disk.Path };
        using var admin = await factory.SignInAsync();
        await ApiJson.CreatePersonAsync(admin, "Before Read Only");
        await MakeReadOnlyAsync(disk);

        using (var created = await admin.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { name = "Nobody" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.InsufficientStorage, created.StatusCode);
            var problem = await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.StartsWith("The server could not save data: ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var wrong = await FacePortalFactory.PostLoginAsync(factory.CreateBrowserlessClient(), FacePortalFactory.AdminName, "Not-The-Passw0rd!"))
        {
            var page = await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("FacePortal cannot save data right now (the disk is full or read-only); ask an administrator.", page, StringComparison.Ordinal);
        }

        var health = await FullDiskTests.HealthAsync(factory);
        Assert.Equal("Unhealthy", health.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("The blob store cannot be written: the disk is read-only.", health.GetProperty("checks").GetProperty("blob-store").GetProperty("description").GetString());
    }

    /// <summary>The kernel refuses to remount while files are open for writing: SQLite's pooled connections are closed first.</summary>
    private static async Task MakeReadOnlyAsync(ScratchMount disk)
    {
        for (var attempt = 1; ; attempt++)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                disk.MakeReadOnly();
                return;
            }
            catch (InvalidOperationException) when (attempt < 20)
            {
                await Task.Delay(250, TestContext.Current.CancellationToken);
            }
        }
    }
}
