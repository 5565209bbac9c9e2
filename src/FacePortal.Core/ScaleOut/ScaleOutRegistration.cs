using FacePortal.Core.Configuration;
using StackExchange.Redis;

namespace FacePortal.Core.ScaleOut;

/// <summary>
/// Redis for a process that shares the database with others (<c>FacePortal:Redis:Configuration</c>):
/// one connection for everything that uses it, and the gallery channel. Without the setting it
/// registers nothing but the options, and the process keeps its gallery to itself as before.
/// </summary>
public static class ScaleOutRegistration
{
    /// <param name="followChanges">
    /// False for a training worker: it serves no recognition, so it only publishes what it changes
    /// (a scheduled retrain putting a model in use) and keeps no gallery in step.
    /// </param>
    public static IServiceCollection AddFacePortalRedis(this IServiceCollection services, IConfiguration configuration, bool followChanges = true)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<RedisOptions>(RedisOptions.Section);
        if (!RedisOptions.IsConfigured(configuration))
        {
            return services;
        }

        services.AddSingleton<IConnectionMultiplexer>(sp => Connect(sp.GetRequiredService<RedisOptions>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(PortalNode.New());
        services.AddSingleton<GalleryChannel>();
        services.AddSingleton<IGalleryListener>(sp => sp.GetRequiredService<GalleryChannel>());
        services.AddSingleton<IActiveModelListener>(sp => sp.GetRequiredService<GalleryChannel>());
        if (followChanges)
        {
            services.AddSingleton<GallerySync>();
            services.AddHostedService(sp => sp.GetRequiredService<GallerySync>());
        }

        return services;
    }

    private static ConnectionMultiplexer Connect(RedisOptions options, ILoggerFactory loggers)
    {
        var configuration = ConfigurationOptions.Parse(options.Configuration!);

        // A node starts, and keeps serving, while Redis is down; the connection is retried in the background.
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= $"faceportal-{Environment.MachineName}-{Environment.ProcessId}";
        configuration.LoggerFactory = loggers;
        return ConnectionMultiplexer.Connect(configuration);
    }
}
