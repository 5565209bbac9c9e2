using FacePortal.Core;
using FacePortal.Core.Data;
using FacePortal.Core.People;
using FacePortal.Core.Recognition;
using FacePortal.Core.Storage;
using FacePortal.Core.Training;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Core.Tests.Data;

/// <summary>
/// <c>Fixtures/legacy-main.db</c>: a SQLite database the app wrote through its HTTP API before the
/// solution was re-cut (git 0e8e321), opened through the same registration and start-up migration
/// as the app. It works on a copy in a temporary directory, because opening sets WAL and migrates.
/// </summary>
public sealed class LegacyMainDatabase : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("faceportal-legacy-").FullName;
    private ServiceProvider? _services;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The database is not open yet.");

    public async ValueTask InitializeAsync()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "legacy-main.db"), Path.Combine(_directory, "faceportal.db"));
        // The same registration as the app's (AddFacePortalCore), with default settings.
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging()
            .AddFacePortalCore(_directory)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await DatabaseInitializer.InitializeAsync(
            _services.GetRequiredService<IDbContextFactory<FacePortalDbContext>>(), _services.GetRequiredService<BlobStore>(), DateTime.UtcNow);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        // Pooled connections keep the file open; release them so the copy can go.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
