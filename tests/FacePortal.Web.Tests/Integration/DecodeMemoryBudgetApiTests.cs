using System.Net;
using FacePortal.Core.Applications;
using FacePortal.Shared.Faces;
using FacePortal.TestSupport;
using FacePortal.Web.Applications;
using FacePortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FacePortal.Web.Tests.Integration;

/// <summary>
/// One decode-memory budget for every endpoint that decodes photos (issue 23, item 8): small files
/// that announce huge dimensions, spread across detect and recognize, cannot add up past it.
/// </summary>
public sealed class DecodeMemoryBudgetApiTests : IAsyncLifetime
{
    private const long MiB = 1024 * 1024;
    private const long Budget = 100 * MiB;

    private readonly FacePortalFactory _factory = new()
    {
        Settings = new Dictionary<string, string>
        {
            ["FacePortal:Pipeline:Limits:DecodeMemoryBudgetBytes"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Shared.Imaging.DecodeMemoryBudget DecodeBudget => _factory.Services.GetRequiredService<FacePipeline>().Decoder.Budget;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_photo_that_finds_the_budget_spent_is_answered_429_with_retry_after_and_a_sentence()
    {
        using var detect = await KeyClientAsync(ScopeNames.Detect);
        using (var held = DecodeBudget.TryReserve(Budget, TimeSpan.Zero))
        {
            Assert.NotNull(held);

            using var refused = await PostAsync(detect, "/api/v1/detect", LargePng());

            var detail = await ApiBodies.ProblemAsync(refused, 429);
            Assert.StartsWith("The server is decoding too many large photos at once right now", detail, StringComparison.Ordinal);
            Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
        }

        // Once given back, the same large photo (larger than the whole budget) is analysed alone.
        using var answered = await PostAsync(detect, "/api/v1/detect", LargePng());
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(0, DecodeBudget.ReservedBytes);
    }

    [Fact]
    public async Task Concurrent_png_bombs_across_detect_and_recognize_share_one_budget()
    {
        using var detect = await KeyClientAsync(ScopeNames.Detect);
        using var recognize = await KeyClientAsync(ScopeNames.Recognize);
        var bomb = PngBombs.Create(7000, 7000);
        var bombCost = 7000L * 7000 * 4;

        var startRss = ResidentBytes("VmRSS");
        File.WriteAllText("/proc/self/clear_refs", "5"); // resets VmHWM, the peak resident size, to now
        var calls = Enumerable.Range(0, 8)
            .Select(i => PostAsync(i % 2 == 0 ? detect : recognize, i % 2 == 0 ? "/api/v1/detect" : "/api/v1/recognize", bomb))
            .ToArray();
        var answers = await Task.WhenAll(calls);
        var peakGrowth = ResidentBytes("VmHWM") - startRss;

        var statuses = answers.Select(a => (int)a.StatusCode).ToArray();
        TestContext.Current.TestOutputHelper?.WriteLine($"answers {string.Join(' ', statuses)}; budget peak {DecodeBudget.PeakReservedBytes / MiB} MiB; resident peak growth {peakGrowth / MiB} MiB");
        foreach (var answer in answers)
        {
            // Each bomb is a truncated file (400) once decoded; or refused for memory (429), never a 500.
            Assert.Contains((int)answer.StatusCode, new[] { 400, 429 });
            answer.Dispose();
        }

        Assert.Contains(429, statuses);
        Assert.Contains(400, statuses);

        // One bomb costs more than the budget, so it is only decoded alone: never two at once.
        Assert.InRange(DecodeBudget.PeakReservedBytes, bombCost, 2 * bombCost - 1);
        Assert.Equal(0, DecodeBudget.ReservedBytes);
        Assert.True(peakGrowth < 2 * bombCost + (150 * MiB), $"resident memory grew by {peakGrowth / MiB} MiB at the peak");
    }

    private static long ResidentBytes(string field)
    {
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>A real photo as a 3000x3000 PNG: 34 MiB of pixels, more than a third of the budget, decoded at full size (PNG cannot be scaled while decoding).</summary>
    private static byte[] LargePng()
    {
        using var face = SKBitmap.Decode(TestPhotos.DeepFace("img1.jpg"));
        using var large = face.Resize(new SKImageInfo(3000, 3000), new SKSamplingOptions(SKFilterMode.Linear));
        using var data = large.Encode(SKEncodedImageFormat.Png, 1);
        return data.ToArray();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, byte[] photo)
    {
        using var body = ApiBodies.Multipart(("image", photo));
        return await client.PostAsync(new Uri(path, UriKind.Relative), body, Ct);
    }

    private async Task<HttpClient> KeyClientAsync(string scope)
    {
        var created = await _factory.Services.GetRequiredService<ApplicationKeys>().CreateAsync(
            $"budget {Guid.NewGuid():N}", ScopeNames.Parse([scope]).Value, null, FacePortalFactory.AdminName);
        Assert.True(created.Succeeded, created.Error);
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, created.Value.Key);
        return client;
    }
}
