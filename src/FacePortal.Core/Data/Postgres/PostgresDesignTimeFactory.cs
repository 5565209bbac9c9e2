using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FacePortal.Core.Data.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without a server (no connection is opened).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFacePortalDbContext>
{
    public PostgresFacePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFacePortalDbContext>()
            .UseNpgsql("Host=localhost;Database=faceportal", DatabaseRegistration.ConfigurePostgres)
            .Options);
}
