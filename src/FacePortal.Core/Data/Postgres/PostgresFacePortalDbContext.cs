namespace FacePortal.Core.Data.Postgres;

/// <summary>The shared database of a scaled-out installation (several web nodes and workers); its migrations live beside it.</summary>
public sealed class PostgresFacePortalDbContext(DbContextOptions<PostgresFacePortalDbContext> options) : FacePortalDbContext(options);
