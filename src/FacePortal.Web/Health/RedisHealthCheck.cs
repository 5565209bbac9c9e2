using StackExchange.Redis;

namespace FacePortal.Web.Health;

/// <summary>
/// Healthy when Redis answers a PING. Registered only when the app uses Redis (an
/// <see cref="IConnectionMultiplexer"/> is a service), so a single node without it reports no such entry.
/// </summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public const string Name = "redis";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["connected"] = redis.IsConnected };
        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            data["pingMs"] = Math.Round(latency.TotalMilliseconds, 1);
            return HealthCheckResult.Healthy($"Redis answers in {latency.TotalMilliseconds:0.0} ms.", data);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Redis does not answer: {ex.Message}", ex, data);
        }
    }

    /// <summary>
    /// Adds the check once the container is built: whether Redis is used is decided by another
    /// registration, which may come after this one. Asking whether the type is a service creates nothing.
    /// </summary>
    public static void RegisterWhenRedisIsUsed(IServiceCollection services) =>
        services.AddOptions<HealthCheckServiceOptions>().Configure<IServiceProviderIsService>((options, isService) =>
        {
            if (isService.IsService(typeof(IConnectionMultiplexer)) && options.Registrations.All(r => r.Name != Name))
            {
                options.Registrations.Add(new HealthCheckRegistration(Name, sp => ActivatorUtilities.CreateInstance<RedisHealthCheck>(sp), failureStatus: null, tags: null));
            }
        });
}
