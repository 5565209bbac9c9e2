using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FacePortal.Web.Accounts.SqlServer;

public sealed class SqlServerAccountsDbContext(DbContextOptions<SqlServerAccountsDbContext> options) : AccountsDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without a server (no connection is opened).</summary>
public sealed class SqlServerAccountsDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAccountsDbContext>
{
    public SqlServerAccountsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAccountsDbContext>()
            .UseSqlServer("Server=localhost;Database=FacePortal;Trusted_Connection=True;TrustServerCertificate=True", s => s.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable))
            .Options);
}
