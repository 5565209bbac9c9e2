using FacePortal.Core;
using FacePortal.Core.Auditing;
using FacePortal.Core.Text;

namespace FacePortal.Web.Accounts;

/// <summary>
/// The users page's operations. Each call runs in its own scope, because a Blazor circuit lives
/// for hours and a DbContext must not. Admins cannot lock, demote or delete themselves, and the
/// last admin always stays.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, AuditTrail audit, AccountSessions sessions, Microsoft.Extensions.Options.IOptions<IdentityOptions> identity)
{
    /// <summary>The lockout rules as configured (AccountsRegistration), for pages that state them.</summary>
    public LockoutOptions Lockout => identity.Value.Lockout;

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
        var userRoles = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        return users.Select(u => new UserSummary(
            u.Id,
            u.UserName!,
            userRoles.Where(r => r.UserId == u.Id).Select(r => roleNames[r.RoleId]).Order(StringComparer.Ordinal).ToList(),
            u.LockoutEnd > now,
            u.LockoutEnd > now ? u.LockoutEnd : null,
            u.AccessFailedCount,
            u.CreatedAt,
            u.LastSignInAt)).ToList();
    }

    /// <summary>Creates an account; on success the value is the generated password, or null when <paramref name="password"/> was given.</summary>
    public async Task<Outcome<string?>> CreateAsync(string userName, string? password, IReadOnlyCollection<string> roles, string actor)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return Outcome.Failed<string?>("Enter a user name.");
        }

        userName = VisibleName.Normalize(userName);
        if (VisibleName.Problem(userName) is { } problem)
        {
            return Outcome.Failed<string?>(problem.Replace("A name", "A user name", StringComparison.Ordinal));
        }

        if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r)))
        {
            return Outcome.Failed<string?>("Choose at least one role.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var generated = string.IsNullOrEmpty(password) ? PasswordGenerator.Generate() : null;
        var user = new PortalUser { UserName = userName, CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, password ?? generated!);
        if (!result.Succeeded)
        {
            return Outcome.Failed<string?>(Describe(result));
        }

        result = await users.AddToRolesAsync(user, roles);
        if (!result.Succeeded)
        {
            return Outcome.Failed<string?>(Describe(result));
        }

        await audit.RecordAsync(actor, AuditActions.UserCreated, user.Id, $"Created user '{user.UserName}' with role(s) {string.Join(", ", roles)}.");
        return Outcome.Ok(generated);
    }

    public async Task<Outcome> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, string actorId, string actor)
    {
        if (roles.Any(r => !Roles.All.Contains(r)))
        {
            return Outcome.Failed("Unknown role.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Outcome.Failed("This user no longer exists.");
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && !roles.Contains(Roles.Admin))
        {
            var refusal = await RefuseAdminLossAsync(users, user, actorId, "remove the Admin role from");
            if (refusal is not null)
            {
                return Outcome.Failed(refusal);
            }
        }

        var result = await users.RemoveFromRolesAsync(user, current.Except(roles));
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, roles.Except(current));
        }

        if (!result.Succeeded)
        {
            return Outcome.Failed(Describe(result));
        }

        // A new stamp ends the user's sessions, so the new roles apply at once.
        await users.UpdateSecurityStampAsync(user);
        sessions.End(user.Id);
        await audit.RecordAsync(actor, AuditActions.UserRolesChanged, user.Id,
            $"Roles of '{user.UserName}' changed from [{string.Join(", ", current)}] to [{string.Join(", ", roles)}].");
        return Outcome.Ok();
    }

    public async Task<Outcome> SetLockedAsync(string userId, bool locked, string actorId, string actor)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Outcome.Failed("This user no longer exists.");
        }

        if (locked)
        {
            var refusal = await RefuseAdminLossAsync(users, user, actorId, "lock");
            if (refusal is not null)
            {
                return Outcome.Failed(refusal);
            }
        }

        var result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (result.Succeeded && !locked)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        if (!result.Succeeded)
        {
            return Outcome.Failed(Describe(result));
        }

        await users.UpdateSecurityStampAsync(user);
        if (locked)
        {
            sessions.End(user.Id);
        }

        await audit.RecordAsync(actor, locked ? AuditActions.UserLocked : AuditActions.UserUnlocked, user.Id,
            $"{(locked ? "Locked" : "Unlocked")} user '{user.UserName}'.");
        return Outcome.Ok();
    }

    /// <summary>
    /// Sets a new password (generated when <paramref name="newPassword"/> is empty) and ends the
    /// user's sessions; on success the value is the generated password, if any.
    /// </summary>
    public async Task<Outcome<string?>> ResetPasswordAsync(string userId, string? newPassword, string actor)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Outcome.Failed<string?>("This user no longer exists.");
        }

        var generated = string.IsNullOrEmpty(newPassword) ? PasswordGenerator.Generate() : null;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword ?? generated!);
        if (!result.Succeeded)
        {
            return Outcome.Failed<string?>(Describe(result));
        }

        sessions.End(user.Id);
        await audit.RecordAsync(actor, AuditActions.UserPasswordReset, user.Id, $"Reset the password of '{user.UserName}'.");
        return Outcome.Ok(generated);
    }

    public async Task<Outcome> DeleteAsync(string userId, string actorId, string actor)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Outcome.Failed("This user no longer exists.");
        }

        var refusal = await RefuseAdminLossAsync(users, user, actorId, "delete");
        if (refusal is not null)
        {
            return Outcome.Failed(refusal);
        }

        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            return Outcome.Failed(Describe(result));
        }

        sessions.End(user.Id);
        await audit.RecordAsync(actor, AuditActions.UserDeleted, user.Id, $"Deleted user '{user.UserName}'.");
        return Outcome.Ok();
    }

    /// <summary>Why the change would leave the portal without an admin, or null when it would not.</summary>
    private static async Task<string?> RefuseAdminLossAsync(UserManager<PortalUser> users, PortalUser user, string actorId, string verb)
    {
        if (user.Id == actorId)
        {
            return $"You cannot {verb} your own account.";
        }

        if (await users.IsInRoleAsync(user, Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1)
        {
            return $"You cannot {verb} the last administrator.";
        }

        return null;
    }

    private static string Describe(IdentityResult result) =>
        string.Join(" ", result.Errors.Select(e => e.Description)) is { Length: > 0 } errors ? errors : "The account could not be changed.";
}
