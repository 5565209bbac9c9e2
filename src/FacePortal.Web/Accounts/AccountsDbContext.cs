using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace FacePortal.Web.Accounts;

/// <summary>
/// ASP.NET Core Identity's tables. Kept apart from the identities data (people and faces) because
/// accounts are the web app's concern; both live in the same database with their own migration history.
/// </summary>
public abstract class AccountsDbContext(DbContextOptions options) : IdentityDbContext<PortalUser>(options)
{
    public const string MigrationsHistoryTable = "__AccountsMigrations";
}
