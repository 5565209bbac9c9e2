using System.Diagnostics;
using FacePortal.Core.Telemetry;
using FacePortal.Shared.Faces.Attributes;
using Microsoft.AspNetCore.SignalR;

namespace FacePortal.Web.Recognition.Live;

/// <summary>
/// Checks, schedules and analyses live frames. Frames pass the size and rate checks on arrival,
/// then wait in their session's mailbox; analysis is limited to one frame per core across all
/// connections so the thread pool (and every Blazor circuit) stays responsive under load.
/// </summary>
public sealed class LiveFrameProcessor(
    FaceRecognizer recognizer,
    FacePipeline pipeline,
    FaceAttributeAnalyzer attributes,
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
                var result = await AnalyzeAsync(session, current).ConfigureAwait(false);
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

    private async Task<FrameResult> AnalyzeAsync(LiveSession session, PendingFrame frame)
    {
        var arrived = PortalTelemetry.WallClockOf(frame.ReceivedAt);
        using var span = PortalTelemetry.Traces.StartActivity("live frame", ActivityKind.Internal, frame.Trace, startTime: arrived);
        var index = await gallery.GetIndexAsync(session.GalleryId).ConfigureAwait(false);
        await _cores.WaitAsync().ConfigureAwait(false);
        try
        {
            var queued = Stopwatch.GetElapsedTime(frame.ReceivedAt);
            metrics.Waited(queued);
            PortalTelemetry.Span("queue", arrived, arrived + queued)?.Dispose();
            try
            {
                if (!frame.Request.Liveness)
                {
                    var plain = recognizer.Recognize(frame.Request.Image, index);
                    return Succeeded(frame, plain, Track(session, plain), queued, liveness: null, TimeSpan.Zero);
                }

                var timings = new PipelineTimings();
                var decodeStarted = Stopwatch.GetTimestamp();
                using var image = pipeline.Decoder.Decode(frame.Request.Image);
                timings.Decode = Stopwatch.GetElapsedTime(decodeStarted);
                var recognition = recognizer.Recognize(image, index, timings);
                var livenessStarted = Stopwatch.GetTimestamp();
                var liveness = recognition.Faces.Select(f => ToBadge(attributes.Analyze(image, f.Box, landmarks: null, FacePlugins.Liveness))).ToArray();
                return Succeeded(frame, recognition, Track(session, recognition), queued, liveness, Stopwatch.GetElapsedTime(livenessStarted));
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

    /// <summary>The track verdict of every face; with tracking off, each frame's own verdict.</summary>
    private IReadOnlyList<TrackVerdict> Track(LiveSession session, RecognitionResult recognition)
    {
        if (!Options.Tracks.Enabled)
        {
            return recognition.Faces.Select(f => TrackVerdict.Untracked(f.Verdict)).ToArray();
        }

        // Created on the first analysed frame; a connection's frames are analysed one at a time (LiveSession).
        session.Tracker ??= new LiveTracker(Options.Tracks);
        return session.Tracker.Update(recognition.Faces.Select(f => new TrackObservation(f.Box, f.Embedding, f.Verdict)).ToArray());
    }

    private static LiveLiveness ToBadge(FaceAttributes attributes) => attributes.Liveness is { } liveness
        ? new LiveLiveness { Score = liveness.Score, IsLive = liveness.IsLive, Experimental = liveness.Experimental }
        : new LiveLiveness { Refusal = attributes.Refusal };

    private static FrameResult Succeeded(
        PendingFrame frame, RecognitionResult recognition, IReadOnlyList<TrackVerdict> tracks, TimeSpan queued, LiveLiveness[]? liveness, TimeSpan livenessTime)
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
            Faces = recognition.Faces.Select((f, i) => ToLiveFace(f, tracks[i], liveness?[i])).ToArray(),
            Timing = new ServerTiming
            {
                Queue = queued.TotalMilliseconds,
                Decode = timings.Decode.TotalMilliseconds,
                Detect = timings.Detect.TotalMilliseconds,
                Landmarks = timings.Landmarks.TotalMilliseconds,
                Align = timings.Align.TotalMilliseconds,
                Embed = timings.Embed.TotalMilliseconds,
                Match = recognition.Match.TotalMilliseconds,
                Liveness = livenessTime.TotalMilliseconds,
                Total = Stopwatch.GetElapsedTime(frame.ReceivedAt).TotalMilliseconds,
            },
        };
    }

    private static LiveFace ToLiveFace(RecognizedFace face, TrackVerdict track, LiveLiveness? liveness) => new()
    {
        X = face.Box.Left,
        Y = face.Box.Top,
        Width = face.Box.Width,
        Height = face.Box.Height,
        TrackId = track.TrackId,
        Name = track.Person?.Name,
        PersonId = track.Person?.PersonId.ToString(),
        Verdict = track.Code,
        Label = track.Label,
        Reason = track.Reason,
        OperatingPoint = track.OperatingPoint.Describe(),
        FrameVerdict = face.Verdict.Code,
        Similarity = face.BestSimilarity,
        Probability = face.Probability,
        DetectionScore = face.DetectionScore,
        Sharpness = face.Quality.Sharpness,
        Frontalness = face.Quality.Frontalness,
        Liveness = liveness,
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
