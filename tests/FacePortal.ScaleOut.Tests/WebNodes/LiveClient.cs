using System.Collections.Concurrent;
using FacePortal.Web.Recognition.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.ScaleOut.Tests.WebNodes;

/// <summary>A live-hub client of one node, as the Live page connects (WebSockets without negotiation, MessagePack): one frame, one answer.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<FrameResult>> _waiting = new();
    private long _sequence;

    private LiveClient(HubConnection connection)
    {
        _connection = connection;
        _connection.On<FrameResult>(nameof(ILiveRecognitionClient.FrameResult), result =>
        {
            if (_waiting.TryRemove(result.Sequence, out var waiting))
            {
                waiting.TrySetResult(result);
            }
        });
    }

    public HubConnectionState State => _connection.State;

    public static async Task<LiveClient> ConnectAsync(Uri node, string cookie, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node, LiveRecognitionHub.Path.TrimStart('/')), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Headers["Cookie"] = cookie;
            })
            .AddMessagePackProtocol()
            .Build();
        var client = new LiveClient(connection);
        await connection.StartAsync(cancellationToken);
        return client;
    }

    /// <summary>Sends one frame and waits (at most 10 s) for its result.</summary>
    public async Task<FrameResult> SendAsync(byte[] jpeg, CancellationToken cancellationToken)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var answer = new TaskCompletionSource<FrameResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[sequence] = answer;
        await _connection.SendAsync(nameof(LiveRecognitionHub.SendFrame), new FrameRequest { Sequence = sequence, CapturedAt = sequence, Image = jpeg }, cancellationToken);
        return await answer.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
    }

    /// <summary>The name the frame's one face got, or null for Unknown.</summary>
    public async Task<string?> NameInAsync(byte[] jpeg, CancellationToken cancellationToken)
    {
        var result = await SendAsync(jpeg, cancellationToken);
        return result.Status == FrameStatus.Ok && result.Faces.Length == 1
            ? result.Faces[0].Name
            : throw new InvalidOperationException($"The frame came back {result.Status} with {result.Faces.Length} face(s): {result.Message}");
    }

    /// <summary>
    /// Sends the frame up to <paramref name="frames"/> times and returns the first name it gets, or null: a live track is
    /// named only once several of its frames agree (FacePortal:Live:Tracks:ConfirmFrames).
    /// </summary>
    public async Task<string?> NameWithinAsync(byte[] jpeg, int frames, CancellationToken cancellationToken)
    {
        for (var i = 0; i < frames; i++)
        {
            if (await NameInAsync(jpeg, cancellationToken) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
