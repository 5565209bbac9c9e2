using System.Collections.Concurrent;
using System.Net;
using FacePortal.Core.People;
using FacePortal.Shared.Faces.Attributes;
using FacePortal.Web.Recognition.Live;
using FacePortal.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Live;

/// <summary>The live hub through the .NET SignalR client over WebSockets and MessagePack, against the real app and models.</summary>
public sealed class LiveRecognitionHubTests : IAsyncLifetime
{
    private static readonly TimeSpan ResultTimeout = TimeSpan.FromSeconds(20);

    private readonly FacePortalFactory _factory = new();
    private HubConnection _connection = null!;
    private readonly ConcurrentDictionary<long, FrameResult> _results = new();
    private Guid _angelina;

    public async ValueTask InitializeAsync()
    {
        _angelina = await GalleryPeople.EnrollAsync(_factory, "Angelina Live", "img1.jpg", "img2.jpg");
        var cookie = await _factory.SignInCookieAsync(await CreateUserAsync(), FacePortalFactory.UserPassword);
        _connection = _factory.CreateLiveConnection(cookie);
        _connection.On<FrameResult>(nameof(ILiveRecognitionClient.FrameResult), r => _results[r.Sequence] = r);
        await _connection.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task An_enrolled_person_is_named_on_the_third_agreeing_frame_and_a_stranger_is_unknown()
    {
        var frame = TestPhotos.DeepFaceFrame("img4.jpg");
        var first = await SendAndWaitAsync(1, frame);
        var second = await SendAndWaitAsync(2, frame);
        var known = await SendAndWaitAsync(3, frame);
        var stranger = await SendAndWaitAsync(4, TestPhotos.DeepFaceFrame("img20.jpg"));

        // 3 of 5 by default: the frames alone name her, the track does from the third.
        foreach (var pending in new[] { first, second })
        {
            var unconfirmed = Assert.Single(pending.Faces);
            Assert.Equal(("confirming", "named", "Unknown (confirming)"), (unconfirmed.Verdict, unconfirmed.FrameVerdict, unconfirmed.Label));
            Assert.Null(unconfirmed.Name);
            Assert.Null(unconfirmed.PersonId);
        }

        Assert.Equal(FrameStatus.Ok, known.Status);
        var face = Assert.Single(known.Faces);
        Assert.Equal("Angelina Live", face.Name);
        Assert.Equal(("named", "Angelina Live"), (face.Verdict, face.Label));
        Assert.Equal(Assert.Single(first.Faces).TrackId, face.TrackId);
        Assert.Contains("Named in 3 of the last 3 frames (3 needed)", face.Reason, StringComparison.Ordinal);
        Assert.Contains("false-match rate for 1 person", face.OperatingPoint, StringComparison.Ordinal);
        Assert.Equal(_angelina.ToString(), face.PersonId);
        Assert.InRange(face.Similarity, known.Threshold, 1f);
        Assert.Equal((640, 480), (known.Width, known.Height));
        Assert.InRange(face.X + (face.Width / 2), 0, 640);
        Assert.True(known.Timing.Embed > 0 && known.Timing.Detect > 0 && known.Timing.Total >= known.Timing.Embed, "the server reports where the time went");
        Assert.Equal(1000.5, known.CapturedAt);

        Assert.Equal(FrameStatus.Ok, stranger.Status);
        var unknown = Assert.Single(stranger.Faces);
        Assert.Null(unknown.Name);
        Assert.Null(unknown.PersonId);
        Assert.NotEqual(face.TrackId, unknown.TrackId);
        Assert.Equal(("nobody-close", "Unknown (nobody close)"), (unknown.Verdict, unknown.Label));
        Assert.True(unknown.Similarity < stranger.Threshold, $"a stranger scored {unknown.Similarity}");
    }

    [Fact]
    public async Task The_liveness_badge_comes_only_for_frames_that_ask_and_is_marked_experimental()
    {
        await SendAndWaitAsync(1, TestPhotos.DeepFaceFrame("img4.jpg"));
        var plain = await SendAndWaitAsync(2, TestPhotos.DeepFaceFrame("img4.jpg"));
        var asked = await SendAndWaitAsync(3, TestPhotos.DeepFaceFrame("img4.jpg"), liveness: true);

        Assert.Null(Assert.Single(plain.Faces).Liveness);
        Assert.Equal(0, plain.Timing.Liveness);
        var face = Assert.Single(asked.Faces);
        Assert.Equal("Angelina Live", face.Name);
        var badge = face.Liveness!;
        Assert.Null(badge.Refusal);
        Assert.InRange(badge.Score!.Value, 0f, 1f);
        Assert.Equal(badge.Score >= FaceAttributeAnalyzer.LivenessThreshold, badge.IsLive);
        Assert.True(badge.Experimental);
        Assert.True(asked.Timing.Liveness > 0, "the liveness time is reported");
    }

    [Fact]
    public async Task Garbage_bytes_get_an_unreadable_result_and_the_connection_stays_usable()
    {
        var garbage = await SendAndWaitAsync(1, "this is not a jpeg at all"u8.ToArray());
        var after = await SendAndWaitAsync(2, TestPhotos.DeepFaceFrame("img4.jpg"));

        Assert.Equal(FrameStatus.Unreadable, garbage.Status);
        Assert.Contains("not an image", garbage.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(garbage.Faces);
        Assert.Equal(FrameStatus.Ok, after.Status);
        Assert.Equal(HubConnectionState.Connected, _connection.State);
    }

    [Fact]
    public async Task An_oversized_frame_gets_a_too_large_result_without_losing_the_connection()
    {
        var limit = _factory.Services.GetRequiredService<LiveOptions>().MaxFrameBytes;
        var oversized = new byte[limit + 1];
        Random.Shared.NextBytes(oversized);

        var result = await SendAndWaitAsync(1, oversized);
        var after = await SendAndWaitAsync(2, TestPhotos.DeepFaceFrame("img4.jpg"));

        Assert.Equal(FrameStatus.TooLarge, result.Status);
        Assert.Contains("limit", result.Message, StringComparison.Ordinal);
        Assert.Equal(FrameStatus.Ok, after.Status);
        Assert.Equal(HubConnectionState.Connected, _connection.State);
    }

    [Fact]
    public async Task A_flood_is_rate_limited_and_every_frame_is_answered_without_a_queue()
    {
        var frame = TestPhotos.DeepFaceFrame("img4.jpg");
        const int flood = 120;
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var seq = 1; seq <= flood; seq++)
        {
            await _connection.SendAsync(nameof(LiveRecognitionHub.SendFrame), new FrameRequest { Sequence = seq, CapturedAt = seq, Image = frame }, TestContext.Current.CancellationToken);
        }

        await WaitForAsync(() => _results.Count >= flood);

        // Frames reach the server some time after SendAsync returns; every one has arrived by the time all are answered.
        var sendSeconds = started.Elapsed.TotalSeconds;
        var statuses = _results.Values.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        var summary = $"{string.Join(", ", statuses.Select(s => $"{s.Key}={s.Value}"))} in {sendSeconds:0.00} s";
        var accepted = flood - statuses.GetValueOrDefault(FrameStatus.RateLimited);

        Assert.Equal(flood, _results.Count);
        Assert.Equal(accepted, statuses.GetValueOrDefault(FrameStatus.Ok) + statuses.GetValueOrDefault(FrameStatus.Dropped));
        Assert.True(accepted <= 30 + (30 * sendSeconds) + 3, $"at most the burst plus 30 frames/s get through ({summary})");
        Assert.True(statuses.GetValueOrDefault(FrameStatus.RateLimited) > 0, $"the flood is refused beyond the limit ({summary})");
        var newestAccepted = _results.Values.Where(r => r.Status != FrameStatus.RateLimited).MaxBy(r => r.Sequence)!;
        Assert.Equal(FrameStatus.Ok, newestAccepted.Status);

        await Task.Delay(TimeSpan.FromSeconds(1.2), TestContext.Current.CancellationToken);
        var after = await SendAndWaitAsync(flood + 1, frame);
        Assert.Equal(FrameStatus.Ok, after.Status);
    }

    [Fact]
    public async Task The_index_follows_renames_and_deletions_without_a_restart()
    {
        var people = _factory.Services.GetRequiredService<PeopleService>();
        var frame = TestPhotos.DeepFaceFrame("img5.jpg");

        Assert.True((await people.RenameAsync(_angelina, "Angelina Renamed", "test", TestContext.Current.CancellationToken)).Succeeded);
        await SendAndWaitAsync(1, frame);
        await SendAndWaitAsync(2, frame);
        var renamed = await SendAndWaitAsync(3, frame);
        Assert.Equal("Angelina Renamed", Assert.Single(renamed.Faces).Name);

        // Her track was named; once she is deleted the very next frame is Unknown, not a lingering name.
        Assert.True((await people.DeleteAsync(_angelina, "test", TestContext.Current.CancellationToken)).Found);
        var deleted = await SendAndWaitAsync(4, frame);
        Assert.Null(Assert.Single(deleted.Faces).Name);
        Assert.Equal(Assert.Single(renamed.Faces).TrackId, Assert.Single(deleted.Faces).TrackId);
    }

    [Fact]
    public async Task Anonymous_callers_cannot_connect()
    {
        await using var anonymous = _factory.CreateLiveConnection(cookie: null);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => anonymous.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);

        using var client = _factory.CreateBrowserlessClient();
        using var negotiate = await client.PostAsync(new Uri($"{LiveRecognitionHub.Path}/negotiate?negotiateVersion=1", UriKind.Relative), null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    private async Task<string> CreateUserAsync()
    {
        using var client = await _factory.SignInAsUserAsync("live-tester");
        return "live-tester";
    }

    private async Task<FrameResult> SendAndWaitAsync(long sequence, byte[] image, bool liveness = false)
    {
        await _connection.SendAsync(nameof(LiveRecognitionHub.SendFrame), new FrameRequest { Sequence = sequence, CapturedAt = 1000.5, Image = image, Liveness = liveness }, TestContext.Current.CancellationToken);
        await WaitForAsync(() => _results.ContainsKey(sequence));
        return _results[sequence];
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + ResultTimeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No result from the live hub in time.");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
