namespace FacePortal.Web.Galleries;

/// <summary>
/// Who may use which gallery, decided here and nowhere else. An application key bound to one gallery uses it
/// (a <c>gallery</c> parameter naming another is refused, 403); a key bound to several must name one of them
/// when it is not obvious. A signed-in admin may use any gallery (Main unless one is named). A signed-in user
/// may use only the galleries an admin granted (<see cref="UserGalleryGrants"/>; the first of them unless one is named).
/// </summary>
public sealed class GalleryAccess(GalleryService galleries, PeopleService people, UserGalleryGrants grants)
{
    /// <summary>The query parameter that names a gallery, by id or by name.</summary>
    public const string Parameter = "gallery";

    /// <summary>Resolves the gallery for a request, from its <c>gallery</c> query parameter when <paramref name="requested"/> is null.</summary>
    public Task<GalleryAccessResult> ResolveAsync(HttpContext context, CancellationToken cancellationToken) =>
        ResolveAsync(context, context?.Request.Query[Parameter].FirstOrDefault(), cancellationToken);

    public async Task<GalleryAccessResult> ResolveAsync(HttpContext context, string? requested, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await ResolveAsync(context.User, requested, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same rules for a principal outside a request (a page's circuit, the live hub).</summary>
    public async Task<GalleryAccessResult> ResolveAsync(ClaimsPrincipal user, string? requested, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        Guid? named = null;
        if (!string.IsNullOrWhiteSpace(requested))
        {
            named = await galleries.FindAsync(requested.Trim(), cancellationToken).ConfigureAwait(false);
            if (named is null)
            {
                return GalleryAccessResult.NotFound($"There is no gallery '{requested.Trim()}'.");
            }
        }

        var allowed = await AllowedAsync(user, cancellationToken).ConfigureAwait(false);
        if (allowed is null)
        {
            return named is { } any ? GalleryAccessResult.Allowed(any) : GalleryAccessResult.Allowed(Gallery.DefaultId);
        }

        if (named is { } id)
        {
            return allowed.Contains(id)
                ? GalleryAccessResult.Allowed(id)
                : GalleryAccessResult.Forbidden($"{Who(user)} may not use the gallery '{requested!.Trim()}'.");
        }

        return allowed.Count switch
        {
            0 => GalleryAccessResult.Forbidden($"{Who(user)} has no gallery; an administrator can grant one."),
            1 => GalleryAccessResult.Allowed(allowed[0]),

            // A user is shown a picker (their first gallery until they choose); a key must say which, as its galleries are its own business.
            _ when !ApiKeyPrincipal.IsApplication(user) => GalleryAccessResult.Allowed(allowed.Contains(Gallery.DefaultId) ? Gallery.DefaultId : allowed[0]),
            _ => GalleryAccessResult.Ambiguous($"This application key may use {allowed.Count} galleries; name one with the '{Parameter}' parameter (its id or name)."),
        };
    }

    /// <summary>Whether <paramref name="user"/> may use <paramref name="galleryId"/>.</summary>
    public async Task<bool> MayUseAsync(ClaimsPrincipal user, Guid galleryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var allowed = await AllowedAsync(user, cancellationToken).ConfigureAwait(false);
        return allowed is null || allowed.Contains(galleryId);
    }

    /// <summary>The gallery of <paramref name="personId"/> when the caller may use it (<see cref="ResolveForItemAsync"/>).</summary>
    public Task<GalleryAccessResult> ResolveForPersonAsync(HttpContext context, Guid personId, CancellationToken cancellationToken) =>
        ResolveForAsync(context, GalleryItem.Person, personId, cancellationToken);

    /// <summary>The gallery of the person, photo or face <paramref name="id"/> when the caller may use it (<see cref="ResolveForItemAsync"/>).</summary>
    public async Task<GalleryAccessResult> ResolveForAsync(HttpContext context, GalleryItem item, Guid id, CancellationToken cancellationToken) =>
        await ResolveForItemAsync(context, await GalleryOfAsync(item, id, cancellationToken).ConfigureAwait(false), Noun(item), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Whether <paramref name="galleryId"/>, the gallery a request already resolved (<see cref="ResolveAsync(HttpContext, CancellationToken)"/>),
    /// holds the <paramref name="item"/> <paramref name="id"/>: the check for callers that work inside one gallery (the CompreFace
    /// adapter), which answer a thing of another gallery as missing, as <see cref="ResolveForItemAsync"/> does.
    /// </summary>
    public async Task<bool> HoldsAsync(Guid galleryId, GalleryItem item, Guid id, CancellationToken cancellationToken) =>
        await GalleryOfAsync(item, id, cancellationToken).ConfigureAwait(false) == galleryId;

    /// <summary>
    /// For an operation on one thing by id (a person, photo or face) in <paramref name="itemGalleryId"/>: allowed when the
    /// caller may use that gallery and, when the request names a gallery, it is that one. Anything else is answered 404, as
    /// if the thing did not exist: a caller learns nothing of galleries it may not use.
    /// </summary>
    public async Task<GalleryAccessResult> ResolveForItemAsync(HttpContext context, Guid? itemGalleryId, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var notFound = GalleryAccessResult.NotFound($"No such {what}.");
        if (itemGalleryId is not { } galleryId)
        {
            return notFound;
        }

        var requested = context.Request.Query[Parameter].FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(requested))
        {
            var access = await ResolveAsync(context.User, requested, cancellationToken).ConfigureAwait(false);
            return !access.Succeeded ? access : access.GalleryId == galleryId ? access : notFound;
        }

        return await MayUseAsync(context.User, galleryId, cancellationToken).ConfigureAwait(false) ? GalleryAccessResult.Allowed(galleryId) : notFound;
    }

    /// <summary>The galleries <paramref name="user"/> may use; null for every gallery (a signed-in admin).</summary>
    public async Task<IReadOnlyList<Guid>?> AllowedAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (ApiKeyPrincipal.IsApplication(user))
        {
            return [.. user.FindAll(ApiKeyDefaults.GalleryClaim).Select(c => Guid.Parse(c.Value))];
        }

        if (user.IsInRole(Roles.Admin))
        {
            return null;
        }

        return user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? await grants.GrantedAsync(userId, cancellationToken).ConfigureAwait(false)
            : [];
    }

    /// <summary>The gallery holding <paramref name="id"/>, or null when there is no such thing.</summary>
    private Task<Guid?> GalleryOfAsync(GalleryItem item, Guid id, CancellationToken cancellationToken) => item switch
    {
        GalleryItem.Person => people.FindGalleryAsync(id, cancellationToken),
        GalleryItem.Photo => people.FindGalleryOfPhotoAsync(id, cancellationToken),
        GalleryItem.Face => people.FindGalleryOfFaceAsync(id, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, null),
    };

    /// <summary>The word the 404 sentence uses ("No such photo.").</summary>
    private static string Noun(GalleryItem item) => item.ToString().ToLowerInvariant();

    private static string Who(ClaimsPrincipal user) => ApiKeyPrincipal.IsApplication(user) ? "This application key" : "This account";
}
