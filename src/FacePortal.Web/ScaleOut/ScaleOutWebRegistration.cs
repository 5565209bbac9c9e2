using FacePortal.Core.ScaleOut;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;
using SignalRRedisOptions = Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions;

namespace FacePortal.Web.ScaleOut;

/// <summary>
/// What lets several web nodes serve the same users: sign-in keys every node shares and, with
/// Redis configured (<see cref="RedisOptions"/>), the gallery channel, the live hub's backplane and
/// session ends carried between nodes. Without Redis the app runs as one process, as before.
/// </summary>
public static class ScaleOutWebRegistration
{
    /// <summary>One name for every node: it is part of what protects a cookie, so it must not vary with the install path.</summary>
    public const string ApplicationName = "FacePortal";

    /// <summary>The Redis key that holds the data protection key ring.</summary>
    public static readonly RedisKey KeyRing = "faceportal:data-protection-keys";

    /// <summary>The folder under the data directory that holds the key ring when there is no Redis.</summary>
    public const string KeyFolder = "keys";

    public static IServiceCollection AddPortalScaleOut(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        // The connection and the gallery channel are the node's (AddFacePortalNode); this adds what only web nodes share.
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (!RedisOptions.IsConfigured(configuration))
        {
            // The data directory is what a team mounts as a shared volume; one machine keeps its keys there too.
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, KeyFolder)));
            return services;
        }

        services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((keys, redis) =>
            keys.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), KeyRing));

        // Sticky-free SignalR: a message for a connection on another node travels through Redis.
        // The backplane carries each hub protocol's own bytes, MessagePack included.
        // The backplane shares the one connection, so its channels (named after the hubs) carry no prefix of ours.
        services.AddSignalR().AddStackExchangeRedis();
        services.AddOptions<SignalRRedisOptions>().Configure<IConnectionMultiplexer>((backplane, redis) =>
            backplane.ConnectionFactory = _ => Task.FromResult(redis));

        services.AddSingleton<SessionEndChannel>();
        services.AddSingleton<ISessionEndRelay>(sp => sp.GetRequiredService<SessionEndChannel>());
        services.AddHostedService<SessionEndSubscriber>();
        return services;
    }
}
