using FacePortal.Core.Configuration;
using FacePortal.Core.Data.Postgres;
using FacePortal.Core.Data.SqlServer;
using FacePortal.Core.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace FacePortal.Core.Data;

/// <summary>Registers <see cref="DatabaseOptions"/> and <see cref="IDbContextFactory{FacePortalDbContext}"/> for the configured provider.</summary>
public static class DatabaseRegistration
{
    public static IServiceCollection AddFacePortalDatabase(this IServiceCollection services, string dataDirectory)
    {
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section)
            .PostConfigure<IConfiguration>((database, configuration) =>
                database.FillConnectionString(configuration.GetConnectionString("FacePortal"), dataDirectory));

        // Every provider is registered; the configured one is chosen when the factory is first needed,
        // by which time the settings have been validated.
        services.AddDbContextFactory<SqliteFacePortalDbContext>((sp, o) =>
            o.UseSqlite(sp.GetRequiredService<DatabaseOptions>().RequiredConnectionString, ConfigureSqlite));
        services.AddDbContextFactory<SqlServerFacePortalDbContext>((sp, o) =>
            o.UseSqlServer(sp.GetRequiredService<DatabaseOptions>().RequiredConnectionString, ConfigureSqlServer));
        services.AddDbContextFactory<PostgresFacePortalDbContext>((sp, o) =>
            o.UseNpgsql(sp.GetRequiredService<DatabaseOptions>().RequiredConnectionString, ConfigurePostgres));
        services.AddSingleton<IDbContextFactory<FacePortalDbContext>>(sp => sp.GetRequiredService<DatabaseOptions>().Provider switch
        {
            DatabaseProvider.SqlServer => new Upcast<SqlServerFacePortalDbContext>(sp.GetRequiredService<IDbContextFactory<SqlServerFacePortalDbContext>>()),
            DatabaseProvider.Postgres => new Upcast<PostgresFacePortalDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresFacePortalDbContext>>()),
            _ => new Upcast<SqliteFacePortalDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteFacePortalDbContext>>()),
        });
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

    public static void ConfigurePostgres(NpgsqlDbContextOptionsBuilder postgres)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        postgres.MigrationsHistoryTable(FacePortalDbContext.MigrationsHistoryTable);

        // No retrying execution strategy: it would refuse the explicit transactions the blob
        // reference lock and the health probe open.
    }

    private sealed class Upcast<T>(IDbContextFactory<T> inner) : IDbContextFactory<FacePortalDbContext>
        where T : FacePortalDbContext
    {
        public FacePortalDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
