namespace FacePortal.Web.Accounts.Sqlite;

public sealed class SqliteAccountsDbContext(DbContextOptions<SqliteAccountsDbContext> options) : AccountsDbContext(options);

public sealed class SqliteAccountsDesignTimeFactory() : DesignTimeFactory<SqliteAccountsDbContext>(
    o => o.UseSqlite("Data Source=design-time.db", s => s.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable)));
