using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace FacePortal.Web.Recognition.Live;

/// <summary>What the live hub calls on its clients.</summary>
public interface ILiveRecognitionClient
{
    /// <summary>The answer to one frame (including frames that were dropped or refused).</summary>
    Task FrameResult(FrameResult result);
}

/// <summary>
/// Live recognition over SignalR (MessagePack): clients send frames with <see cref="SendFrame"/>
/// and get a <c>FrameResult</c> back for every one. Its own hub, not the Blazor circuit, so frames
/// never queue behind UI traffic. The connection names its gallery in the <c>gallery</c> query parameter of its URL;
/// it is checked once, as it opens (<see cref="GalleryAccess"/>), and every frame is recognised against it.
/// </summary>
[Authorize(Policy = Policies.User)]
public sealed class LiveRecognitionHub(LiveFrameProcessor processor, AccountSessions sessions, LiveMetrics metrics, LiveConnectionLimit limit, GalleryAccess access) : Hub<ILiveRecognitionClient>
{
    public const string Path = "/hubs/live";

    private static readonly object SessionKey = new();
    private static readonly object AccountKey = new();
    private static readonly object CountedKey = new();

    public override async Task OnConnectedAsync()
    {
        var requested = Context.GetHttpContext()?.Request.Query[GalleryAccess.Parameter].FirstOrDefault();
        var gallery = await access.ResolveAsync(Context.User!, requested, Context.ConnectionAborted).ConfigureAwait(false);
        if (!gallery.Succeeded)
        {
            throw new HubException(gallery.Detail);
        }

        // A HubException's message reaches the client in the close message; any other would be hidden.
        if (!limit.TryOpen(Context.UserIdentifier!))
        {
            throw new HubException(
                $"This account has {limit.MaxPerAccount} live connections open already, the most it may (FacePortal:Live:Connections:MaxPerAccount); close one and try again.");
        }

        Context.Items[CountedKey] = true;
        Context.Items[SessionKey] = new LiveSession(Context.ConnectionId, processor.Options.MaxFramesPerSecond) { GalleryId = gallery.GalleryId!.Value };

        // A stream stays open for hours: locking or demoting the account must close it, not wait for a reconnect.
        Context.Items[AccountKey] = sessions.Register(Context.UserIdentifier!, Context.Abort);
        metrics.Connected();
        await base.OnConnectedAsync().ConfigureAwait(false);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.Remove(CountedKey))
        {
            limit.Close(Context.UserIdentifier!);
        }

        if (Context.Items.Remove(SessionKey, out var session))
        {
            ((LiveSession)session!).Dispose();
            metrics.Disconnected();
        }

        if (Context.Items.Remove(AccountKey, out var registration))
        {
            ((IDisposable)registration!).Dispose();
        }

        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Queues a frame; refusals (too large, too fast, empty) are answered at once.</summary>
    public async Task SendFrame(FrameRequest frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var session = (LiveSession)Context.Items[SessionKey]!;
        var rejection = processor.Accept(session, frame);
        if (rejection is not null)
        {
            await Clients.Caller.FrameResult(rejection).ConfigureAwait(false);
        }
    }

}
