using System.Diagnostics;
using FacePortal.Core.People;
using FacePortal.Core.Recognition;
using FacePortal.Core.Telemetry;
using FacePortal.Shared.Imaging;
using Microsoft.AspNetCore.SignalR;

namespace FacePortal.Web.Live;

/// <summary>
/// Checks, schedules and analyses live frames. Frames pass the size and rate checks on arrival,
/// then wait in their session's mailbox; analysis is limited to one frame per core across all
/// connections so the thread pool (and every Blazor circuit) stays responsive under load.
/// </summary>
public sealed class LiveFrameProcessor(
    FaceRecognizer recognizer,
    RecognitionGallery gallery,
    IHubContext<LiveRecognitionHub, ILiveRecognitionClient> hub,
    LiveOptions options,
    LiveMetrics metrics,
    ILogger<LiveFrameProcessor> logger)
{
    private readonly SemaphoreSlim _cores = new(Environment.ProcessorCount);

    public LiveOptions Options { get; } = options;

    /// <summary>Takes a frame; returns at once with an error result, or null when it was queued.</summary>
    public FrameResult? Accept(LiveSession session, FrameRequest frame)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        var rejection = Check(session, frame);
        if (rejection is not null)
        {
            metrics.Answered(rejection);
            return rejection;
        }

        // The hub invocation's span ends long before a waiting frame is analysed; the frame's own span hangs off it.
        var pending = new PendingFrame(frame, receivedAt, Activity.Current?.Context ?? default);
        if (session.Offer(pending, out var replaced))
        {
            _ = Task.Run(() => RunAsync(session, pending));
        }
        else if (replaced is not null)
        {
            var dropped = Failed(replaced.Request, FrameStatus.Dropped, "A newer frame arrived while this one waited.");
            metrics.Answered(dropped);
            _ = SendAsync(session, dropped);
        }

        return null;
    }

    private FrameResult? Check(LiveSession session, FrameRequest frame)
    {
        var size = frame.Image?.Length ?? 0;
        if (size == 0)
        {
            return Failed(frame, FrameStatus.Unreadable, "The frame is empty.");
        }

        if (size > Options.MaxFrameBytes)
        {
            return Failed(frame, FrameStatus.TooLarge, $"The frame is {size / 1024:N0} KB; the limit is {Options.MaxFrameBytes / 1024:N0} KB. Send a smaller frame size or a lower JPEG quality.");
        }

        using var lease = session.RateLimit.AttemptAcquire();
        return lease.IsAcquired
            ? null
            : Failed(frame, FrameStatus.RateLimited, $"More than {Options.MaxFramesPerSecond} frames per second; this frame was skipped.");
    }

    private async Task RunAsync(LiveSession session, PendingFrame frame)
    {
        try
        {
            for (var current = frame; current is not null; current = session.Next())
            {
                var result = await AnalyzeAsync(current).ConfigureAwait(false);
                metrics.Answered(result);
                await SendAsync(session, result).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            // Nothing may escape a fire-and-forget task; the session must not stay busy for ever either.
            logger.LogError(e, "Live analysis failed for connection {ConnectionId}", session.ConnectionId);
            while (session.Next() is not null)
            {
            }
        }
    }

    private async Task<FrameResult> AnalyzeAsync(PendingFrame frame)
    {
        var arrived = PortalTelemetry.WallClockOf(frame.ReceivedAt);
        using var span = PortalTelemetry.Traces.StartActivity("live frame", ActivityKind.Internal, frame.Trace, startTime: arrived);
        var index = await gallery.GetIndexAsync().ConfigureAwait(false);
        await _cores.WaitAsync().ConfigureAwait(false);
        try
        {
            var queued = Stopwatch.GetElapsedTime(frame.ReceivedAt);
            metrics.Waited(queued);
            PortalTelemetry.Span("queue", arrived, arrived + queued)?.Dispose();
            try
            {
                var recognition = recognizer.Recognize(frame.Request.Image, index);
                return Succeeded(frame, recognition, queued);
            }
            catch (ImageDecodeException e)
            {
                var failed = Failed(frame.Request, FrameStatus.Unreadable, e.Message);
                failed.Timing.Queue = queued.TotalMilliseconds;
                failed.Timing.Total = Stopwatch.GetElapsedTime(frame.ReceivedAt).TotalMilliseconds;
                return failed;
            }
        }
        finally
        {
            _cores.Release();
        }
    }

    private static FrameResult Succeeded(PendingFrame frame, RecognitionResult recognition, TimeSpan queued)
    {
        var timings = recognition.Timings;
        return new FrameResult
        {
            Sequence = frame.Request.Sequence,
            CapturedAt = frame.Request.CapturedAt,
            Width = recognition.ImageWidth,
            Height = recognition.ImageHeight,
            Threshold = recognition.Threshold,
            Recognizer = recognition.Recognizer,
            Faces = recognition.Faces.Select(ToLiveFace).ToArray(),
            Timing = new ServerTiming
            {
                Queue = queued.TotalMilliseconds,
                Decode = timings.Decode.TotalMilliseconds,
                Detect = timings.Detect.TotalMilliseconds,
                Landmarks = timings.Landmarks.TotalMilliseconds,
                Align = timings.Align.TotalMilliseconds,
                Embed = timings.Embed.TotalMilliseconds,
                Match = recognition.Match.TotalMilliseconds,
                Total = Stopwatch.GetElapsedTime(frame.ReceivedAt).TotalMilliseconds,
            },
        };
    }

    private static LiveFace ToLiveFace(RecognizedFace face) => new()
    {
        X = face.Box.Left,
        Y = face.Box.Top,
        Width = face.Box.Width,
        Height = face.Box.Height,
        Name = face.Person?.Name,
        PersonId = face.Person?.PersonId.ToString(),
        Similarity = face.BestSimilarity,
        Probability = face.Probability,
        DetectionScore = face.DetectionScore,
        Sharpness = face.Quality.Sharpness,
        Frontalness = face.Quality.Frontalness,
    };

    private static FrameResult Failed(FrameRequest frame, string status, string message) => new()
    {
        Sequence = frame.Sequence,
        CapturedAt = frame.CapturedAt,
        Status = status,
        Message = message,
    };

    private async Task SendAsync(LiveSession session, FrameResult result)
    {
        if (session.IsClosed)
        {
            return;
        }

        try
        {
            await hub.Clients.Client(session.ConnectionId).FrameResult(result).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            logger.LogDebug(e, "Connection {ConnectionId} went away before its result was sent", session.ConnectionId);
        }
    }
}
