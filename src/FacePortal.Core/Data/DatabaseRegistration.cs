using FacePortal.Core.Data.SqlServer;
using FacePortal.Core.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Core.Data;

/// <summary>Registers <see cref="IDbContextFactory{FacePortalDbContext}"/> for the configured provider.</summary>
public static class DatabaseRegistration
{
    public static IServiceCollection AddFacePortalDatabase(this IServiceCollection services, DatabaseOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = options.ResolveConnectionString(dataDirectory);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextFactory<SqliteFacePortalDbContext>(o => o.UseSqlite(connectionString, ConfigureSqlite));
                services.AddSingleton<IDbContextFactory<FacePortalDbContext>>(sp =>
                    new Upcast<SqliteFacePortalDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteFacePortalDbContext>>()));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextFactory<SqlServerFacePortalDbContext>(o => o.UseSqlServer(connectionString, ConfigureSqlServer));
                services.AddSingleton<IDbContextFactory<FacePortalDbContext>>(sp =>
                    new Upcast<SqlServerFacePortalDbContext>(sp.GetRequiredService<IDbContextFactory<SqlServerFacePortalDbContext>>()));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'. Use Sqlite or SqlServer.");
        }

        return services;
    }

    public static void ConfigureSqlite(SqliteDbContextOptionsBuilder sqlite)
    {
        ArgumentNullException.ThrowIfNull(sqlite);
        sqlite.MigrationsHistoryTable(FacePortalDbContext.MigrationsHistoryTable);
    }

    public static void ConfigureSqlServer(SqlServerDbContextOptionsBuilder sqlServer)
    {
        ArgumentNullException.ThrowIfNull(sqlServer);
        sqlServer.MigrationsHistoryTable(FacePortalDbContext.MigrationsHistoryTable);
        sqlServer.EnableRetryOnFailure();
    }

    private sealed class Upcast<T>(IDbContextFactory<T> inner) : IDbContextFactory<FacePortalDbContext>
        where T : FacePortalDbContext
    {
        public FacePortalDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
