using System.Net;
using FacePortal.TestSupport;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Hosting;

/// <summary>/healthz on a data directory whose disk (a real tmpfs) has room left, but not for one more photo.</summary>
[Trait("Database", "Sqlite")]
public sealed class LowDiskSpaceTests
{
    [Fact]
    public async Task Less_free_space_than_one_upload_needs_is_unhealthy_not_degraded()
    {
        using var disk = ScratchMount.Create(48 * 1024 * 1024);
        await using var factory = new FacePortalFactory { DataDirectory = disk.Path };
        using var admin = await factory.SignInAsync();
        var before = await FullDiskTests.HealthAsync(factory);
        // Below the 500 MB warning (FacePortal:Health:MinFreeDiskBytes), above what an upload needs.
        Assert.Equal("Degraded", before.GetProperty("checks").GetProperty("disk-space").GetProperty("status").GetString());

        // 60 KB left: the database still takes a row, a 20 MB photo no longer fits.
        LeaveFree(disk.Path, 60 * 1024);
        using var health = await factory.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        var after = await FullDiskTests.HealthAsync(factory);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", after.GetProperty("status").GetString());
        var check = after.GetProperty("checks").GetProperty("disk-space");
        Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
        Assert.EndsWith("less than one photo upload needs (20 MB): uploads fail until space is freed.", check.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static void LeaveFree(string path, long bytes)
    {
        var chunk = new byte[64 * 1024];
        using var filler = new FileStream(Path.Combine(path, $"filler-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        long toWrite;
        while ((toWrite = new DriveInfo(path).AvailableFreeSpace - bytes) > 0)
        {
            filler.Write(chunk, 0, (int)Math.Min(chunk.Length, toWrite));
            filler.Flush();
        }
    }
}
