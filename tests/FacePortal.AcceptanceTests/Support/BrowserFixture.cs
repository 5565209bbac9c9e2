using Microsoft.Playwright;

namespace FacePortal.AcceptanceTests.Support;

/// <summary>Debian's Chromium driven by Playwright (never a downloaded browser), and the app it talks to.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public PortalServer Server { get; private set; } = null!;

    /// <summary>The Y4M file Chromium's fake camera plays: a face photo moving slightly, like a person turning their head.</summary>
    public string WebcamVideo { get; private set; } = null!;

    /// <summary>A 1280x800 page with camera access, signed in through the real login form.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> SignedInPageAsync(string userName = PortalServer.AdminName, string password = PortalServer.AdminPassword)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            BaseURL = Server.BaseAddress.ToString(),
            Permissions = ["camera"],
        });
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
        WebcamVideo = FakeWebcamVideo.Write(Path.Combine(FacePortal.TestSupport.RepoLocations.DeepFace, "img1.jpg"), Path.Combine(Path.GetTempPath(), $"faceportal-webcam-{Guid.NewGuid():N}.y4m"));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-quic",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={WebcamVideo}",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (WebcamVideo is not null)
        {
            File.Delete(WebcamVideo);
        }

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
