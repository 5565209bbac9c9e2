namespace FacePortal.Core.Data.SqlServer;

/// <summary>The production provider; its migrations live beside it.</summary>
public sealed class SqlServerFacePortalDbContext(DbContextOptions<SqlServerFacePortalDbContext> options) : FacePortalDbContext(options);
