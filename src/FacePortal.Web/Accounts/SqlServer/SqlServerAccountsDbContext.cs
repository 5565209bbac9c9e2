namespace FacePortal.Web.Accounts.SqlServer;

public sealed class SqlServerAccountsDbContext(DbContextOptions<SqlServerAccountsDbContext> options) : AccountsDbContext(options);

public sealed class SqlServerAccountsDesignTimeFactory() : DesignTimeFactory<SqlServerAccountsDbContext>(
    o => o.UseSqlServer(
        "Server=localhost;Database=FacePortal;Trusted_Connection=True;TrustServerCertificate=True", s => s.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable)));
