using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FacePortal.Core.Data.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the web app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFacePortalDbContext>
{
    public SqliteFacePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFacePortalDbContext>()
            .UseSqlite("Data Source=design-time.db", DatabaseRegistration.ConfigureSqlite)
            .Options);
}
