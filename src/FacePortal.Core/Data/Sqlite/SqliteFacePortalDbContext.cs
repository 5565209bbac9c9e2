namespace FacePortal.Core.Data.Sqlite;

/// <summary>The embedded default; its migrations live beside it.</summary>
public sealed class SqliteFacePortalDbContext(DbContextOptions<SqliteFacePortalDbContext> options) : FacePortalDbContext(options);
