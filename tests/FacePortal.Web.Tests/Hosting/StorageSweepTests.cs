using System.Diagnostics;
using System.Net;
using FacePortal.TestSupport;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Hosting;

/// <summary>Leftovers of interrupted work: where request bodies wait, and who removes what a crash leaves.</summary>
public sealed class StorageSweepTests
{
    [Fact]
    public async Task The_periodic_sweep_removes_stale_request_buffers_and_orphaned_blobs_without_a_restart()
    {
        await using var factory = new FacePortalFactory { Settings = new Dictionary<string, string> { ["FacePortal:Sweep:Interval"] = "00:00:01" } };
        using var client = factory.CreateClient();
        using (await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            // Started.
        }

        var tmp = Path.Combine(factory.DataDirectory, "tmp");
        var staleBuffer = WriteFile(Path.Combine(tmp, "request-stale.tmp"), TimeSpan.FromHours(2));
        var freshBuffer = WriteFile(Path.Combine(tmp, "request-fresh.tmp"), TimeSpan.Zero);
        var staleBlob = WriteBlob(factory.BlobDirectory, new string('a', 64), TimeSpan.FromHours(2));
        var freshBlob = WriteBlob(factory.BlobDirectory, new string('b', 64), TimeSpan.Zero);

        var clock = Stopwatch.StartNew();
        while ((File.Exists(staleBuffer) || File.Exists(staleBlob)) && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.False(File.Exists(staleBuffer), "a request buffer untouched for two hours is removed");
        Assert.False(File.Exists(staleBlob), "a blob no row refers to, two hours old, is removed");
        Assert.True(File.Exists(freshBuffer), "a buffer being written is kept");
        Assert.True(File.Exists(freshBlob), "a young blob is kept: its enrollment may not have committed yet");
    }

    [Fact]
    public async Task An_upload_killed_midway_leaves_its_buffer_in_the_data_directory_and_a_restart_removes_it()
    {
        var data = Directory.CreateTempSubdirectory("faceportal-e2e-").FullName;
        var systemTemp = Directory.CreateTempSubdirectory("faceportal-systemp-").FullName;
        var environment = new Dictionary<string, string> { ["TMPDIR"] = systemTemp };
        var buffers = Path.Combine(data, "tmp");
        string[] systemTempBefore = [];
        try
        {
            await using (var server = await PortalServer.StartAsync(TestContext.Current.CancellationToken, environment, data))
            {
                using var admin = await SignInAsync(server);
                var person = await ApiJson.CreatePersonAsync(admin, "Killed Upload");

                // The runtime keeps a file or two of its own in the temp folder; only what the upload adds counts.
                systemTempBefore = Files(systemTemp);

                // A 30 MB photo that never finishes arriving: the server has buffered part of it when it is killed.
                using var stalled = new CancellationTokenSource();
                var upload = admin.PostAsync(new Uri($"/api/v1/people/{person}/photos", UriKind.Relative), new StalledMultipart(8 * 1024 * 1024), stalled.Token);
                var clock = Stopwatch.StartNew();
                while (Files(buffers).Length == 0 && Files(systemTemp).Except(systemTempBefore).Count() == 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(100, TestContext.Current.CancellationToken);
                }

                await server.KillAsync();
                await stalled.CancelAsync();
                await Assert.ThrowsAnyAsync<Exception>(() => upload);
            }

            Assert.NotEmpty(Files(buffers));
            Assert.Empty(Files(systemTemp).Except(systemTempBefore));

            // The next start removes what the killed process left.
            await using (await PortalServer.StartAsync(TestContext.Current.CancellationToken, environment, data))
            {
                Assert.Empty(Files(buffers));
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
            Directory.Delete(systemTemp, recursive: true);
        }
    }

    /// <summary>Files holding data (the runtime's diagnostics sockets in the temp folder hold none).</summary>
    private static string[] Files(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(f => new FileInfo(f).Length > 0).ToArray() : [];

    private static async Task<HttpClient> SignInAsync(PortalServer server)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = server.BaseAddress };
        await PortalSignIn.SignInAsync(client, PortalServer.AdminName, PortalServer.AdminPassword);
        return client;
    }

    private static string WriteFile(string path, TimeSpan age)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }

    private static string WriteBlob(string root, string hash, TimeSpan age) => WriteFile(Path.Combine(root, hash[..2], hash[2..4], hash), age);

    /// <summary>A multipart body with one photo part that sends <c>sent</c> bytes and then waits until the request is cancelled.</summary>
    private sealed class StalledMultipart : HttpContent
    {
        private const string Boundary = "stalled-upload-boundary";
        private readonly int _sent;

        public StalledMultipart(int sent)
        {
            _sent = sent;
            Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(
                $"--{Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"huge.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"), cancellationToken);
            var chunk = new byte[64 * 1024];
            for (var sent = 0; sent < _sent; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk, cancellationToken);
            }

            await stream.FlushAsync(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
