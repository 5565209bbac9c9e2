using System.Diagnostics;
using FacePortal.Web.Recognition.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.LoadBench;

/// <summary>
/// One simulated browser: a SignalR connection (WebSockets, MessagePack) that keeps
/// <c>inFlight</c> frames unanswered at all times, like the Live page, and records each round trip.
/// </summary>
public sealed class LiveLoadClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly byte[] _frame;
    private readonly SemaphoreSlim _slots;
    private readonly Dictionary<long, long> _sentAt = [];
    private readonly Lock _gate = new();
    private long _sequence;
    private volatile bool _recording;

    public LiveLoadClient(Uri server, string cookie, byte[] frame, int inFlight)
    {
        _frame = frame;
        _slots = new SemaphoreSlim(inFlight, inFlight);
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, LiveRecognitionHub.Path.TrimStart('/')), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Headers["Cookie"] = cookie;
            })
            .AddMessagePackProtocol()
            .Build();
        _connection.On<FrameResult>(nameof(ILiveRecognitionClient.FrameResult), OnResult);
    }

    public List<double> RoundTripsMs { get; } = [];

    public List<double> ServerMs { get; } = [];

    public List<double> QueueMs { get; } = [];

    public Dictionary<string, int> Statuses { get; } = [];

    public Task StartAsync(CancellationToken cancellationToken) => _connection.StartAsync(cancellationToken);

    /// <summary>Sends frames until cancelled; results count only while <see cref="Record"/> is on.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await _slots.WaitAsync(cancellationToken);
                var seq = Interlocked.Increment(ref _sequence);
                lock (_gate)
                {
                    _sentAt[seq] = Stopwatch.GetTimestamp();
                }

                await _connection.SendAsync(nameof(LiveRecognitionHub.SendFrame), new FrameRequest { Sequence = seq, CapturedAt = seq, Image = _frame }, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The measuring window ended.
        }
    }

    public void Record(bool on) => _recording = on;

    private void OnResult(FrameResult result)
    {
        long sentAt;
        lock (_gate)
        {
            if (!_sentAt.Remove(result.Sequence, out sentAt))
            {
                return;
            }

            if (_recording)
            {
                Statuses[result.Status] = Statuses.GetValueOrDefault(result.Status) + 1;
                if (result.Status == FrameStatus.Ok)
                {
                    RoundTripsMs.Add(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
                    ServerMs.Add(result.Timing.Total);
                    QueueMs.Add(result.Timing.Queue);
                }
            }
        }

        _slots.Release();
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
