using Microsoft.EntityFrameworkCore.Design;

namespace FacePortal.Core.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a provider's context without the app or a server (no connection is
/// opened): each provider's factory says only how it would connect.
/// </summary>
public abstract class DesignTimeFactory<TContext>(Func<DbContextOptionsBuilder<TContext>, DbContextOptionsBuilder<TContext>> connect)
    : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext), connect(new DbContextOptionsBuilder<TContext>()).Options)!;
}
