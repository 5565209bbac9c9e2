using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace FacePortal.Web.Recognition.Live;

/// <summary>
/// Closes live-hub connections that finish the SignalR handshake and then never call the hub. SignalR's
/// own client timeout (<see cref="LiveConnectionOptions.IdleTimeout"/>) only starts counting at the
/// first message after the handshake, so such a connection would otherwise hold its socket, its
/// session and a place in the account's cap for as long as the peer keeps TCP open. The Live page
/// sends its first frame as soon as it has connected; after the first call the client timeout applies.
/// </summary>
public sealed class SilentConnectionWatch : IDisposable
{
    private readonly ConcurrentDictionary<string, Watched> _silent = new();
    private readonly TimeSpan _deadline;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly ITimer _timer;
    private readonly ILogger<SilentConnectionWatch> _logger;

    public SilentConnectionWatch(LiveConnectionOptions options, ILogger<SilentConnectionWatch> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _deadline = options.IdleTimeout;
        _logger = logger;

        // Checked a few times per deadline, so a silent connection is closed within 1.25 deadlines.
        var period = _deadline / 4;
        _timer = _time.CreateTimer(_ => CloseOverdue(), null, period, period);
    }

    /// <summary>Connections watched right now (for tests and metrics).</summary>
    public int Count => _silent.Count;

    public void Connected(HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _silent[context.ConnectionId] = new Watched(context, _time.GetTimestamp());
    }

    /// <summary>The connection called the hub: it is no longer silent, and SignalR's client timeout takes over.</summary>
    public void Called(string connectionId) => _silent.TryRemove(connectionId, out _);

    public void Disconnected(string connectionId) => _silent.TryRemove(connectionId, out _);

    public void Dispose() => _timer.Dispose();

    private void CloseOverdue()
    {
        foreach (var (id, watched) in _silent)
        {
            if (_time.GetElapsedTime(watched.ConnectedAt) >= _deadline && _silent.TryRemove(id, out _))
            {
                _logger.LogInformation("Closing live connection {ConnectionId}: no call within {Deadline} of connecting", id, _deadline);
                watched.Context.Abort();
            }
        }
    }

    private sealed record Watched(HubCallerContext Context, long ConnectedAt);
}

/// <summary>Tells <see cref="SilentConnectionWatch"/> when a live connection opens, first calls the hub and closes.</summary>
public sealed class SilentConnectionFilter(SilentConnectionWatch watch) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        // Only connections the hub accepted (a refused one, over the account's cap, throws here).
        await next(context).ConfigureAwait(false);
        watch.Connected(context.Context);
    }

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        watch.Called(invocationContext.Context.ConnectionId);
        return next(invocationContext);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        watch.Disconnected(context.Context.ConnectionId);
        return next(context, exception);
    }
}
