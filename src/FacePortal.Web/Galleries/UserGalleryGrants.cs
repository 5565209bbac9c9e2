using System.Security.Claims;
using FacePortal.Core.Galleries;
using FacePortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace FacePortal.Web.Galleries;

/// <summary>
/// The galleries an admin granted a User-role account, kept as the account's Identity claims (one per gallery),
/// so the accounts database needs no table of its own. An account nobody granted anything uses Main, as every
/// account did before galleries existed. Read on every check, so a change holds from the next request on.
/// </summary>
public sealed class UserGalleryGrants(UserManager<PortalUser> users)
{
    public const string ClaimType = "faceportal:gallery";

    public async Task<IReadOnlyList<Guid>> GrantedAsync(string userId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
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

    /// <summary>Replaces the account's grants with <paramref name="galleries"/> (at least one).</summary>
    public async Task<IdentityResult> SetAsync(string userId, IReadOnlyCollection<Guid> galleries)
    {
        ArgumentNullException.ThrowIfNull(galleries);
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

        return await users.AddClaimsAsync(user, galleries.Distinct().Select(g => new Claim(ClaimType, g.ToString()))).ConfigureAwait(false);
    }
}
