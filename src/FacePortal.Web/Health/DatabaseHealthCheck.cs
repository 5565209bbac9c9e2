namespace FacePortal.Web.Health;

/// <summary>
/// Healthy when the database takes a write: a transaction rewrites the migrations history rows
/// (unchanged) and is rolled back, so a read-only or unopenable database shows up here without the
/// probe leaving anything behind. Works the same on SQLite and SQL Server.
/// </summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<FacePortalDbContext> databases) : IHealthCheck
{
    private const string ProbeSql = "UPDATE \"" + FacePortalDbContext.MigrationsHistoryTable + "\" SET \"ProductVersion\" = \"ProductVersion\"";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(ProbeSql, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database can be written.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var cause = StorageFailure.Of(ex)?.Reason ?? ex.GetBaseException().Message;
            return HealthCheckResult.Unhealthy($"The database cannot be written: {cause}.", ex);
        }
    }
}
