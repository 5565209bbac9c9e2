namespace FacePortal.Core.Data.Sqlite;

public sealed class SqliteDesignTimeFactory() : DesignTimeFactory<SqliteFacePortalDbContext>(
    o => o.UseSqlite("Data Source=design-time.db", DatabaseRegistration.ConfigureSqlite));
