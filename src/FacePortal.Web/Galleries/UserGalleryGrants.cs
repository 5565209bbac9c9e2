namespace FacePortal.Web.Galleries;

/// <summary>
/// The galleries an admin granted a User-role account, kept as the account's Identity claims (one per gallery),
/// so the accounts database needs no table of its own. An account nobody granted anything uses Main, as every
/// account did before galleries existed. Read on every check, so a change holds from the next request on.
/// Each call has its own scope (as <see cref="UserAdministration"/>), so a page's long circuit never reads stale rows.
/// </summary>
public sealed class UserGalleryGrants(IServiceScopeFactory scopes, Core.Auditing.AuditTrail audit)
{
    public const string ClaimType = "faceportal:gallery";

    public async Task<IReadOnlyList<Guid>> GrantedAsync(string userId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
        {
            return [];
        }

        var granted = (await users.GetClaimsAsync(user).ConfigureAwait(false))
            .Where(c => c.Type == ClaimType && Guid.TryParse(c.Value, out _))
            .Select(c => Guid.Parse(c.Value))
            .ToList();
        return granted.Count == 0 ? [Gallery.DefaultId] : granted;
    }

    /// <summary>Replaces the account's grants with <paramref name="galleries"/> (at least one), audited under <paramref name="actor"/>.</summary>
    public async Task<IdentityResult> SetAsync(string userId, IReadOnlyCollection<Guid> galleries, string actor, string description)
    {
        ArgumentNullException.ThrowIfNull(galleries);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (galleries.Count == 0)
        {
            return IdentityResult.Failed(new IdentityError { Description = "Grant at least one gallery." });
        }

        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
        {
            return IdentityResult.Failed(new IdentityError { Description = "This account no longer exists." });
        }

        var old = (await users.GetClaimsAsync(user).ConfigureAwait(false)).Where(c => c.Type == ClaimType).ToList();
        if (old.Count > 0)
        {
            var removed = await users.RemoveClaimsAsync(user, old).ConfigureAwait(false);
            if (!removed.Succeeded)
            {
                return removed;
            }
        }

        var added = await users.AddClaimsAsync(user, galleries.Distinct().Select(g => new Claim(ClaimType, g.ToString()))).ConfigureAwait(false);
        if (added.Succeeded)
        {
            await audit.RecordAsync(actor, Core.Auditing.AuditActions.UserGalleriesChanged, user.Id, $"Granted '{user.UserName}' the galleries {description}.").ConfigureAwait(false);
        }

        return added;
    }
}
