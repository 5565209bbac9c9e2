using System.Diagnostics;
using System.Threading.RateLimiting;

namespace FacePortal.Web.Recognition.Live;

/// <summary>
/// One live connection's mailbox: at most one frame analysed and one waiting. A newer frame
/// replaces the waiting one, so a client that sends faster than the server analyses sees its
/// stale frames dropped rather than queued.
/// </summary>
public sealed class LiveSession : IDisposable
{
    private readonly Lock _gate = new();
    private PendingFrame? _waiting;
    private bool _busy;
    private bool _closed;

    public LiveSession(string connectionId, int maxFramesPerSecond)
    {
        ConnectionId = connectionId;
        RateLimit = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            // One token every 1/max s: the limit holds at any setting (a tenth of the limit every 100 ms gave a 4 fps
            // limit 10 fps); a full bucket lets a second of frames bunched by the network through.
            TokenLimit = maxFramesPerSecond,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1.0 / maxFramesPerSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public string ConnectionId { get; }

    /// <summary>The gallery the connection recognises against, resolved once when it opened (<see cref="Galleries.GalleryAccess"/>).</summary>
    public Guid GalleryId { get; init; } = FacePortal.Core.Galleries.Gallery.DefaultId;

    public TokenBucketRateLimiter RateLimit { get; }

    /// <summary>The connection's face tracks; set by the frame processor on the first analysed frame.</summary>
    public LiveTracker? Tracker { get; set; }

    public bool IsClosed
    {
        get
        {
            lock (_gate)
            {
                return _closed;
            }
        }
    }

    /// <summary>
    /// Offers a frame. Returns true when the caller must start analysing (nothing was in progress);
    /// otherwise the frame waits, and <paramref name="replaced"/> is the waiting frame it displaced.
    /// </summary>
    public bool Offer(PendingFrame frame, out PendingFrame? replaced)
    {
        lock (_gate)
        {
            replaced = null;
            if (_closed)
            {
                return false;
            }

            if (!_busy)
            {
                _busy = true;
                return true;
            }

            replaced = _waiting;
            _waiting = frame;
            return false;
        }
    }

    /// <summary>After a frame is done: the next frame to analyse, or null (and the session goes idle).</summary>
    public PendingFrame? Next()
    {
        lock (_gate)
        {
            var next = _closed ? null : _waiting;
            _waiting = null;
            _busy = next is not null;
            return next;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            _waiting = null;
        }

        RateLimit.Dispose();
    }
}

/// <summary>A frame with the server timestamp of its arrival and the trace it arrived in.</summary>
public sealed record PendingFrame(FrameRequest Request, long ReceivedAt, ActivityContext Trace = default);
