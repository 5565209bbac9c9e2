namespace FacePortal.Core.Data.Postgres;

public sealed class PostgresDesignTimeFactory() : DesignTimeFactory<PostgresFacePortalDbContext>(
    o => o.UseNpgsql("Host=localhost;Database=faceportal", DatabaseRegistration.ConfigurePostgres));
