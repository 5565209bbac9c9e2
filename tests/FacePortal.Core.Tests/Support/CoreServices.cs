using FacePortal.Core.Data;
using FacePortal.Core.Storage;
using FacePortal.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FacePortal.Core.Tests.Support;

/// <summary>
/// Core as a host has it, without a host: <see cref="CoreRegistration.AddFacePortalCore"/> on a
/// service collection, the repository's real models, a real SQLite file in a fresh temporary data
/// directory, settings validated and the database migrated as at start-up. The clock is a
/// <see cref="ManualClock"/> the test moves. Disposal releases the database and deletes the directory.
/// </summary>
/// <example>
/// <code>
/// await using var core = await CoreServices.StartAsync(ct);
/// var id = (await core.Get&lt;PeopleService&gt;().CreateAsync("Ada", "tests", ct)).Value;
/// </code>
/// </example>
public sealed class CoreServices : IAsyncDisposable
{
    public const string Actor = "tests";

    private readonly ServiceProvider _services;

    private CoreServices(ServiceProvider services, string dataDirectory, ManualClock clock)
    {
        _services = services;
        DataDirectory = dataDirectory;
        Clock = clock;
    }

    /// <summary>The data directory: <c>faceportal.db</c> and <c>blobs/</c>.</summary>
    public string DataDirectory { get; }

    public ManualClock Clock { get; }

    public IServiceProvider Services => _services;

    /// <param name="settings">Extra configuration, keys as in appsettings.json (<c>FacePortal:Enrollment:MaxZipEntries</c>).</param>
    public static async Task<CoreServices> StartAsync(CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = Directory.CreateTempSubdirectory("faceportal-core-").FullName;
        var configuration = new Dictionary<string, string?> { ["FacePortal:Models:Directory"] = RepoLocations.Models };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var clock = new ManualClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build())
            .AddLogging()
            .AddFacePortalCore(directory);

        // Registered after Core's, so it is the one every service gets.
        collection.AddSingleton<TimeProvider>(clock);
        var services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var core = new CoreServices(services, directory, clock);
        try
        {
            // What a host's start does: settings checked (ValidateOnStart), then the schema brought up to date.
            services.GetRequiredService<IStartupValidator>().Validate();
            await DatabaseInitializer.InitializeAsync(
                services.GetRequiredService<IDbContextFactory<FacePortalDbContext>>(), services.GetRequiredService<BlobStore>(), clock.GetUtcNow().UtcDateTime, cancellationToken);
            return core;
        }
        catch
        {
            await core.DisposeAsync();
            throw;
        }
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Reads the database directly, as a check independent of the service under test.</summary>
    public async Task<T> QueryAsync<T>(Func<FacePortalDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await Get<IDbContextFactory<FacePortalDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Every file in the blob store: photos and aligned crops.</summary>
    public IReadOnlyList<string> BlobFiles()
    {
        var blobs = Path.Combine(DataDirectory, "blobs");
        return Directory.Exists(blobs) ? Directory.GetFiles(blobs, "*", SearchOption.AllDirectories) : [];
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();

        // Pooled connections keep the file open; release them so the directory can go.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; it lives under /tmp.
        }
    }
}
