using FacePortal.TestSupport;
using Microsoft.Playwright;

namespace FacePortal.AcceptanceTests.Support;

/// <summary>Debian's Chromium driven by Playwright (never a downloaded browser), and the app it talks to.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly Dictionary<string, (IBrowser Browser, string Video)> _browsers = [];
    private readonly SemaphoreSlim _launching = new(1, 1);
    private IPlaywright? _playwright;

    /// <summary>The browser whose fake camera shows deepface's img1.jpg at 640x480.</summary>
    public IBrowser Browser { get; private set; } = null!;

    public PortalServer Server { get; private set; } = null!;

    /// <summary>
    /// A Chromium whose fake camera plays <paramref name="photo"/> (a deepface file) as a
    /// <paramref name="width"/> x <paramref name="height"/> clip. Chromium reads the clip at launch,
    /// so each clip has its own browser; they are launched once and kept for the collection.
    /// </summary>
    public Task<IBrowser> BrowserWithWebcamAsync(string photo, int width = 640, int height = 480) =>
        BrowserWithWebcamVideoAsync($"{photo}-{width}x{height}", output => FakeWebcamVideo.Write(
            Path.Combine(FacePortal.TestSupport.RepoLocations.DeepFace, photo), output, width, height));

    /// <summary>A browser whose fake camera plays the Y4M that <paramref name="write"/> writes to the path it is given (once per key).</summary>
    public async Task<IBrowser> BrowserWithWebcamVideoAsync(string key, Func<string, string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        await _launching.WaitAsync();
        try
        {
            if (!_browsers.TryGetValue(key, out var launched))
            {
                var video = write(Path.Combine(Path.GetTempPath(), $"faceportal-webcam-{Guid.NewGuid():N}.y4m"));
                launched = (await LaunchAsync(video), video);
                _browsers[key] = launched;
            }

            return launched.Browser;
        }
        finally
        {
            _launching.Release();
        }
    }

    /// <summary>
    /// A 1280x800 page with camera access, signed in through the real login form; policy violations are console errors.
    /// <paramref name="server"/> is a test's own app (other settings); null for the collection's.
    /// </summary>
    public async Task<(IBrowserContext Context, IPage Page)> SignedInPageAsync(
        string userName = PortalServer.AdminName, string password = PortalServer.AdminPassword, IBrowser? browser = null, PortalServer? server = null)
    {
        var context = await (browser ?? Browser).NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            BaseURL = (server ?? Server).BaseAddress.ToString(),
            Permissions = ["camera"],
        });
        await PageEvidence.ReportCspViolationsAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await WaitForInteractiveAsync(page);
        return (context, page);
    }

    /// <summary>Prerendered pages ignore clicks until the circuit connects; this waits for it.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("#portal-ready[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's Chromium at {ChromiumPath}; ./test.sh installs it.");
        }

        Server = await PortalServer.StartAsync(CancellationToken.None);
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserWithWebcamAsync("img1.jpg");
    }

    private Task<IBrowser> LaunchAsync(string webcamVideo) =>
        _playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-quic",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={webcamVideo}",
            ],
        });

    public async ValueTask DisposeAsync()
    {
        foreach (var (browser, video) in _browsers.Values)
        {
            await browser.DisposeAsync();
            File.Delete(video);
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
