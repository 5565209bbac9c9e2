namespace FacePortal.Web.Accounts.Postgres;

public sealed class PostgresAccountsDbContext(DbContextOptions<PostgresAccountsDbContext> options) : AccountsDbContext(options);

public sealed class PostgresAccountsDesignTimeFactory() : DesignTimeFactory<PostgresAccountsDbContext>(
    o => o.UseNpgsql("Host=localhost;Database=faceportal", s => s.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable)));
