using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FacePortal.Core.Telemetry;
using FacePortal.TestSupport;
using FacePortal.Web.Recognition.Live;
using FacePortal.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Observability;

/// <summary>/metrics on the real app: Prometheus text with FacePortal's instruments after real traffic, and who may read it.</summary>
public sealed partial class MetricsEndpointTests : IAsyncDisposable
{
    private const string Token = "metrics-token-for-the-tests-0123456789";

    private readonly FacePortalFactory _factory = new()
    {
        Settings = new Dictionary<string, string> { ["FacePortal:Metrics:Token"] = Token },
        StartupFilters = [PeerAddress.FromHeader],
    };

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task From_loopback_the_scrape_has_the_pipeline_live_enrollment_training_and_gallery_instruments()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = ListenTo(spans);
        await GalleryPeople.EnrollAsync(_factory, "Angelina Metrics", "img1.jpg", "img2.jpg");
        await IdentifyAsync("img4.jpg");
        await SendLiveFramesAsync();

        // The gallery gauges are read at scrape time from this node's index, which a busy machine may
        // still be applying the enrollment to; every other figure is final once the calls returned.
        var text = await ScrapeAsync();
        for (var tries = 0; tries < 20 && !PeopleGauge().IsMatch(text); tries++)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            text = await ScrapeAsync();
        }

        // Stage latencies from both the photo API and the live frame, one series per stage.
        foreach (var stage in new[] { "detect", "landmarks", "align", "embed", "search" })
        {
            Assert.Matches($"faceportal_recognition_stage_duration_seconds_count\\{{[^}}]*faceportal_recognition_stage=\"{stage}\"[^}}]*\\}} [1-9]", text);
        }

        Assert.Matches("faceportal_live_frames_analyzed_total(\\{[^}]*\\})? [1-9]", text);
        Assert.Matches("faceportal_live_frames_dropped_total\\{[^}]*faceportal_live_drop_reason=\"too_large\"[^}]*\\} [1-9]", text);
        Assert.Matches("faceportal_live_queue_duration_seconds_count(\\{[^}]*\\})? [1-9]", text);
        Assert.Contains("faceportal_live_connections", text, StringComparison.Ordinal);
        Assert.Matches("faceportal_enrollments_total\\{[^}]*faceportal_enrollment_outcome=\"accepted\"[^}]*\\} [1-9]", text);
        Assert.Matches(PeopleGauge(), text);
        Assert.Matches("faceportal_gallery_faces(\\{[^}]*\\})? [1-9]", text);
        Assert.Matches("faceportal_training_jobs\\{[^}]*faceportal_training_job_state=\"queued\"[^}]*\\} \\d+", text);

        // ASP.NET Core's and the runtime's own instruments come along.
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_", text, StringComparison.Ordinal);

        // The live frame's stages as spans: queue, then recognize with the pipeline stages under it.
        var frame = spans.First(s => s.DisplayName == "live frame" && spans.Any(c => c.ParentSpanId == s.SpanId && c.DisplayName == "recognize"));
        var recognize = spans.Single(s => s.ParentSpanId == frame.SpanId && s.DisplayName == "recognize");
        Assert.Contains(spans, s => s.ParentSpanId == frame.SpanId && s.DisplayName == "queue");
        var stages = spans.Where(s => s.ParentSpanId == recognize.SpanId).OrderBy(s => s.StartTimeUtc).Select(s => s.DisplayName).ToList();
        Assert.Equal(["decode", "detect", "landmarks", "align", "embed", "search"], stages);
    }

    [Fact]
    public async Task Another_machine_needs_the_token_and_a_portal_sign_in_is_not_enough()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await PortalSignIn.SignInAsync(client, FacePortalFactory.AdminName, FacePortalFactory.AdminPassword);

        using var anonymous = await client.SendAsync(Scrape().From(PeerAddress.Remote), TestContext.Current.CancellationToken);
        using var wrongToken = await client.SendAsync(Scrape("not-the-metrics-token-at-all").From(PeerAddress.Remote), TestContext.Current.CancellationToken);
        using var withToken = await client.SendAsync(Scrape(Token).From(PeerAddress.Remote), TestContext.Current.CancellationToken);
        using var fromLoopback = await client.SendAsync(Scrape().From(IPAddress.Loopback), TestContext.Current.CancellationToken);
        using var fromLoopbackV6 = await client.SendAsync(Scrape().From(IPAddress.IPv6Loopback), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Contains("# TYPE ", await withToken.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fromLoopback.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromLoopbackV6.StatusCode);
    }

    private static HttpRequestMessage Scrape(string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private async Task<string> ScrapeAsync()
    {
        using var client = _factory.CreateClient();
        using var response = await client.SendAsync(Scrape().From(IPAddress.Loopback), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private async Task IdentifyAsync(string photo)
    {
        using var client = await _factory.SignInAsync();
        using var form = TestPhotos.Form((photo, TestPhotos.DeepFace(photo)));
        form.First().Headers.ContentDisposition!.Name = "image";
        using var response = await client.PostAsync(new Uri("/api/v1/recognize", UriKind.Relative), form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>One frame analysed and one refused as too large, through a real hub connection.</summary>
    private async Task SendLiveFramesAsync()
    {
        var results = new ConcurrentDictionary<long, FrameResult>();
        await using var connection = _factory.CreateLiveConnection(await _factory.SignInCookieAsync());
        connection.On<FrameResult>(nameof(ILiveRecognitionClient.FrameResult), r => results[r.Sequence] = r);
        await connection.StartAsync(TestContext.Current.CancellationToken);

        await connection.SendAsync(nameof(LiveRecognitionHub.SendFrame), new FrameRequest { Sequence = 1, Image = TestPhotos.DeepFaceFrame("img5.jpg") }, TestContext.Current.CancellationToken);
        await connection.SendAsync(nameof(LiveRecognitionHub.SendFrame), new FrameRequest { Sequence = 2, Image = new byte[_factory.Services.GetRequiredService<LiveOptions>().MaxFrameBytes + 1] }, TestContext.Current.CancellationToken);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (results.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.Equal(FrameStatus.Ok, results[1].Status);
        Assert.Equal(FrameStatus.TooLarge, results[2].Status);
    }

    private static ActivityListener ListenTo(ConcurrentBag<Activity> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PortalTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    [GeneratedRegex("faceportal_gallery_people(\\{[^}]*\\})? [1-9]")]
    private static partial Regex PeopleGauge();
}
