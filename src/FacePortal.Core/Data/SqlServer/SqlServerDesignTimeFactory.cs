using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FacePortal.Core.Data.SqlServer;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without a server (no connection is opened).</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerFacePortalDbContext>
{
    public SqlServerFacePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerFacePortalDbContext>()
            .UseSqlServer("Server=localhost;Database=FacePortal;Trusted_Connection=True;TrustServerCertificate=True", DatabaseRegistration.ConfigureSqlServer)
            .Options);
}
