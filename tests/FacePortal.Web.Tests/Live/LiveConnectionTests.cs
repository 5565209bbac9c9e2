using System.Net.WebSockets;
using FacePortal.Web.Recognition.Live;
using FacePortal.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace FacePortal.Web.Tests.Live;

/// <summary>How many live connections an account may hold, and how long a silent one stays open: real sockets against the real app.</summary>
public sealed class LiveConnectionTests : IAsyncLifetime
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(2);

    private readonly FacePortalFactory _factory = new()
    {
        Settings = new Dictionary<string, string>
        {
            ["FacePortal:Live:Connections:MaxPerAccount"] = "2",
            ["FacePortal:Live:Connections:IdleTimeout"] = IdleTimeout.ToString(),
        },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_account_over_its_connection_cap_is_refused_with_a_sentence_and_others_are_not()
    {
        var cookie = await _factory.SignInCookieAsync();
        await using var first = _factory.CreateLiveConnection(cookie);
        await using var second = _factory.CreateLiveConnection(cookie);
        await using var third = _factory.CreateLiveConnection(cookie);
        await first.StartAsync(Ct);
        await second.StartAsync(Ct);

        // The handshake completes before the hub sees the connection; the refusal is the close that follows.
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        third.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        await third.StartAsync(Ct);
        var refused = await closed.Task.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.NotNull(refused);
        Assert.Contains("This account has 2 live connections open already", refused.Message, StringComparison.Ordinal);

        // Another account has its own count; a closed connection gives its place back.
        using (await _factory.SignInAsUserAsync("live-other"))
        {
        }

        await using var other = _factory.CreateLiveConnection(await _factory.SignInCookieAsync("live-other", FacePortalFactory.UserPassword));
        await other.StartAsync(Ct);
        await first.StopAsync(Ct);
        await using var again = _factory.CreateLiveConnection(cookie);
        await again.StartAsync(Ct);
        Assert.Equal(HubConnectionState.Connected, again.State);
        Assert.Equal(HubConnectionState.Connected, other.State);
    }

    /// <summary>
    /// A raw WebSocket that finishes the SignalR handshake and then sends nothing, not even a ping:
    /// SignalR's client timeout only starts at the first message, so <see cref="SilentConnectionWatch"/>
    /// closes it (issue 23, item 9), and its place in the account's cap comes back.
    /// </summary>
    [Fact]
    public async Task A_connection_that_finishes_its_handshake_and_then_stays_silent_is_closed_after_the_idle_timeout()
    {
        var cookie = await _factory.SignInCookieAsync();
        var client = _factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Cookie = cookie;
        using var socket = await client.ConnectAsync(new Uri(_factory.Server.BaseAddress, LiveRecognitionHub.Path.TrimStart('/')), Ct);
        await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes("{\"protocol\":\"messagepack\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, Ct);
        var buffer = new byte[4096];
        var handshake = await socket.ReceiveAsync(buffer, Ct);
        Assert.Equal("{}\u001e", System.Text.Encoding.UTF8.GetString(buffer, 0, handshake.Count));
        var started = System.Diagnostics.Stopwatch.StartNew();

        var closed = await ClosedAsync(socket, buffer, TimeSpan.FromSeconds(30));

        Assert.True(closed, "the silent connection was still open after 30 s");
        Assert.InRange(started.Elapsed, IdleTimeout * 0.9, TimeSpan.FromSeconds(20));

        // Two places again for this account (the cap is 2): the silent one gave its place back.
        await using var first = _factory.CreateLiveConnection(cookie);
        await using var second = _factory.CreateLiveConnection(cookie);
        await first.StartAsync(Ct);
        await second.StartAsync(Ct);
        Assert.Equal(HubConnectionState.Connected, second.State);
    }

    /// <summary>Reads until the server closes the socket (true), or <paramref name="limit"/> passes (false); pings and other messages are read past.</summary>
    private static async Task<bool> ClosedAsync(WebSocket socket, byte[] buffer, TimeSpan limit)
    {
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        giveUp.CancelAfter(limit);
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, giveUp.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return true;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException && !giveUp.IsCancellationRequested)
        {
            return true;
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested && !Ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>A socket that never finishes the SignalR handshake is closed after the idle timeout.</summary>
    [Fact]
    public async Task A_connection_that_never_finishes_its_handshake_is_closed_after_the_idle_timeout()
    {
        var cookie = await _factory.SignInCookieAsync();
        var client = _factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Cookie = cookie;
        using var socket = await client.ConnectAsync(new Uri(_factory.Server.BaseAddress, LiveRecognitionHub.Path.TrimStart('/')), Ct);
        var buffer = new byte[4096];

        var started = System.Diagnostics.Stopwatch.StartNew();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        giveUp.CancelAfter(TimeSpan.FromSeconds(30));
        var closed = false;
        try
        {
            while (!closed)
            {
                var received = await socket.ReceiveAsync(buffer, giveUp.Token);
                closed = received.MessageType == WebSocketMessageType.Close;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException && !giveUp.IsCancellationRequested)
        {
            closed = true;
        }

        Assert.True(closed);
        Assert.InRange(started.Elapsed, IdleTimeout * 0.5, TimeSpan.FromSeconds(20));
    }
}
