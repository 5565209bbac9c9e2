using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace FacePortal.Core.ScaleOut;

/// <summary>
/// Keeps this node's gallery and model in use in step with the other nodes'. Changes published on
/// <see cref="GalleryChannel.Channel"/> apply as they arrive (well within a second). Messages can be
/// missed (Redis restarts, this node was cut off, a publisher died between its commit and its
/// message) or overtaken (two nodes' messages cross), so the database has the last word: every
/// <see cref="RedisOptions.ReconcileInterval"/>, and at once when the connection comes back, the node
/// reads the <see cref="GalleryVersion"/> and reloads everything when it moved since the last load,
/// or when any message arrived since then. While Redis is unreachable it checks every second.
/// </summary>
public sealed class GallerySync(
    IConnectionMultiplexer redis,
    PortalNode node,
    RecognitionGallery gallery,
    ActiveModelService models,
    RecognitionSettingsService recognitionSettings,
    IEnumerable<IGalleryListener> listeners,
    IDbContextFactory<FacePortalDbContext> databases,
    RedisOptions options,
    TimeProvider time,
    ILogger<GallerySync> logger) : BackgroundService
{
    private static readonly TimeSpan Disconnected = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _checkNow = new(0, 1);
    private readonly IGalleryListener[] _local = [.. listeners.Where(l => l is not GalleryChannel)];
    private GalleryVersion? _loaded;
    private int _stale = 1;
    private ChannelMessageQueue? _subscription;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        redis.ConnectionFailed += OnConnectionChanged;
        redis.ConnectionRestored += OnConnectionChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Subscribed before the first version read, so nothing published after that read is lost.
                await SubscribeAsync();
                try
                {
                    await ReconcileAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Interlocked.Exchange(ref _stale, 1);
                    logger.LogWarning(ex, "Could not check the gallery against the database; trying again shortly");
                }

                var wait = _subscription is not null && redis.IsConnected ? options.ReconcileInterval : Disconnected;
                await _checkNow.WaitAsync(wait, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            redis.ConnectionFailed -= OnConnectionChanged;
            redis.ConnectionRestored -= OnConnectionChanged;
            if (_subscription is not null)
            {
                await _subscription.UnsubscribeAsync();
            }
        }
    }

    private async Task SubscribeAsync()
    {
        if (_subscription is not null)
        {
            return;
        }

        try
        {
            _subscription = await redis.GetSubscriber().SubscribeAsync(GalleryChannel.Channel);
            _subscription.OnMessage(ApplyAsync);
            Interlocked.Exchange(ref _stale, 1);
        }
        catch (RedisException ex)
        {
            logger.LogWarning("Redis is unreachable ({Reason}); the gallery follows the database every second until it is back", ex.Message);
        }
    }

    private async Task ApplyAsync(ChannelMessage message)
    {
        var change = GalleryChange.FromJson(message.Message);
        if (change is null || change.Node == node.Id)
        {
            return;
        }

        // Applied now for speed; the next check reloads, which also puts right a message that overtook another.
        Interlocked.Exchange(ref _stale, 1);
        try
        {
            if (change.Kind == GalleryChangeKind.ActiveModelChanged)
            {
                await models.LoadAsync();
            }
            else
            {
                foreach (var listener in _local)
                {
                    change.ApplyTo(listener);
                }
            }

            logger.LogDebug(
                "Applied {Kind} from another node {LagMs:0.000} ms after it was published",
                change.Kind, (time.GetUtcNow() - change.PublishedAt).TotalMilliseconds);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not apply the gallery change {Kind} from another node; the next check reloads", change.Kind);
        }
    }

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var stale = Interlocked.Exchange(ref _stale, 0) == 1;
        var version = await GalleryVersion.ReadAsync(databases, cancellationToken);
        if (!stale && version == _loaded)
        {
            return;
        }

        await gallery.ReloadAsync(cancellationToken);
        await models.LoadAsync(cancellationToken);
        await recognitionSettings.LoadAsync(cancellationToken);
        if (_loaded is not null && version != _loaded && !stale)
        {
            // Often harmless (an audit entry of another kind also moves the version), so not a warning.
            logger.LogDebug("The database's gallery version moved with no message since the last load ({From} to {To}); reloaded", _loaded, version);
        }

        _loaded = version;
    }

    private void OnConnectionChanged(object? sender, ConnectionFailedEventArgs e)
    {
        // Messages may have gone by while the connection was down: check and reload at once.
        Interlocked.Exchange(ref _stale, 1);
        if (_checkNow.CurrentCount == 0)
        {
            try
            {
                _checkNow.Release();
            }
            catch (SemaphoreFullException)
            {
                // A check is already due.
            }
        }
    }

    public override void Dispose()
    {
        _checkNow.Dispose();
        base.Dispose();
    }
}
