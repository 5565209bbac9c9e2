namespace FacePortal.Core.Data.SqlServer;

public sealed class SqlServerDesignTimeFactory() : DesignTimeFactory<SqlServerFacePortalDbContext>(
    o => o.UseSqlServer("Server=localhost;Database=FacePortal;Trusted_Connection=True;TrustServerCertificate=True", DatabaseRegistration.ConfigureSqlServer));
