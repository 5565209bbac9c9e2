using FacePortal.Core.ScaleOut;
using StackExchange.Redis;

namespace FacePortal.Web.ScaleOut;

/// <summary>
/// "End this account's sessions" between nodes: a locked, deleted or demoted account loses its live
/// streams and circuits on every node, not only on the one where the admin acted. A message lost
/// while Redis is down is covered by the circuits' periodic re-check and by the cookie check on
/// every request and hub connection.
/// </summary>
public sealed class SessionEndChannel(IConnectionMultiplexer redis, PortalNode node, ILogger<SessionEndChannel> logger) : ISessionEndRelay
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("faceportal:sessions:end");

    public void Ended(string userId)
    {
        try
        {
            redis.GetSubscriber().Publish(Channel, $"{node.Id:N} {userId}", CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Could not tell the other nodes to end the sessions of {UserId}", userId);
        }
    }

    /// <summary>The user whose sessions another node ended, or null for this node's own message or garbage.</summary>
    public static string? UserFromOtherNode(string? message, PortalNode self)
    {
        ArgumentNullException.ThrowIfNull(self);
        var parts = message?.Split(' ', 2);
        return parts is [var origin, { Length: > 0 } userId] && Guid.TryParseExact(origin, "N", out var from) && from != self.Id ? userId : null;
    }
}

/// <summary>Ends here the sessions another node announced on <see cref="SessionEndChannel.Channel"/>.</summary>
public sealed class SessionEndSubscriber(IConnectionMultiplexer redis, PortalNode node, AccountSessions sessions, ILogger<SessionEndSubscriber> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queue = await redis.GetSubscriber().SubscribeAsync(SessionEndChannel.Channel);
                queue.OnMessage(message =>
                {
                    if (SessionEndChannel.UserFromOtherNode(message.Message, node) is { } userId)
                    {
                        sessions.EndHere(userId);
                    }
                });
                return;
            }
            catch (RedisException ex)
            {
                logger.LogWarning("Redis is unreachable ({Reason}); subscribing to session ends again in 5 s", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }
}
