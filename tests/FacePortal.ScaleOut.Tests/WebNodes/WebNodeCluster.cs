using FacePortal.Core.Data;
using FacePortal.TestSupport;
using FacePortal.TestSupport.Engines;

namespace FacePortal.ScaleOut.Tests.WebNodes;

/// <summary>
/// Two web nodes, each the real app in its own process, sharing one Redis, one database and one data
/// directory (the blob store's shared volume). The database is a private PostgreSQL when the app has
/// the provider, otherwise the data directory's SQLite file, which both processes open.
/// </summary>
public sealed class WebNodeCluster : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;

    private WebNodeCluster(RestartableRedis redis, string dataDirectory, Dictionary<string, string> environment, string database)
    {
        Redis = redis;
        DataDirectory = dataDirectory;
        _environment = environment;
        Database = database;
    }

    public RestartableRedis Redis { get; }

    public string DataDirectory { get; }

    /// <summary>"PostgreSQL" or "SQLite (one file, both nodes)": what the figures and logs were taken on.</summary>
    public string Database { get; }

    public PortalServer A { get; private set; } = null!;

    public PortalServer B { get; private set; } = null!;

    /// <summary>Whether the app under test has the PostgreSQL provider (it arrives from another branch).</summary>
    public static bool PostgresAvailable => Enum.TryParse<DatabaseProvider>("Postgres", out _);

    public static async Task<WebNodeCluster> StartAsync(CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? settings = null)
    {
        var redis = await RestartableRedis.StartAsync(cancellationToken);
        var environment = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["FacePortal__Redis__Configuration"] = redis.Configuration,
        };
        var database = "SQLite (one file, both nodes)";
        if (PostgresAvailable)
        {
            var postgres = await PostgresServer.SharedAsync();
            environment["Database__Provider"] = "Postgres";
            environment["ConnectionStrings__FacePortal"] = await postgres.CreateDatabaseAsync(cancellationToken);
            database = "PostgreSQL";
        }

        var cluster = new WebNodeCluster(redis, Directory.CreateTempSubdirectory("faceportal-nodes-").FullName, environment, database);
        try
        {
            // One after the other: the first creates the database, the second finds it ready.
            cluster.A = await PortalServer.StartAsync(cancellationToken, environment, cluster.DataDirectory);
            cluster.B = await PortalServer.StartAsync(cancellationToken, environment, cluster.DataDirectory);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills node B (SIGKILL) and leaves it down until <see cref="StartBAsync"/>.</summary>
    public Task KillBAsync() => B.KillAsync();

    public async Task StartBAsync(CancellationToken cancellationToken)
    {
        await B.DisposeAsync();
        B = await PortalServer.StartAsync(cancellationToken, _environment, DataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        await Redis.DisposeAsync();
        EngineProcess.DeleteQuietly(DataDirectory);
    }
}
