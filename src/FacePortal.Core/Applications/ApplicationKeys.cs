using FacePortal.Core.Text;

namespace FacePortal.Core.Applications;

/// <summary>
/// Creates, lists, rotates and revokes application keys, and checks a key a request carries. The
/// check reads the key's row on every request (one lookup by its indexed prefix, as the sign-in
/// cookie's security stamp does), so a revocation or an expiry holds from the next request on.
/// </summary>
public sealed class ApplicationKeys(IDbContextFactory<FacePortalDbContext> databases, ApplicationKeyUsage usage, TimeProvider time)
{
    /// <summary>Creates a key bound to Main.</summary>
    public Task<Outcome<IssuedApplicationKey>> CreateAsync(string? name, ApplicationScopes scopes, DateTime? expiresAt, string actor, CancellationToken cancellationToken = default) =>
        CreateAsync(name, scopes, expiresAt, actor, [Gallery.DefaultId], cancellationToken);

    /// <summary>Creates a key bound to <paramref name="galleries"/>: one, or several for admin tools (which then name the gallery per request).</summary>
    public async Task<Outcome<IssuedApplicationKey>> CreateAsync(
        string? name, ApplicationScopes scopes, DateTime? expiresAt, string actor, IReadOnlyCollection<Guid> galleries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(galleries);
        var trimmed = VisibleName.Normalize(name ?? string.Empty);
        var now = time.GetUtcNow().UtcDateTime;
        if (Problem(trimmed, scopes, expiresAt, now) is { } problem)
        {
            return Outcome.Failed<IssuedApplicationKey>(problem);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.ApplicationKeys.AnyAsync(k => k.Name == trimmed && k.RevokedAt == null, cancellationToken).ConfigureAwait(false))
        {
            return Outcome.Failed<IssuedApplicationKey>($"A key named '{trimmed}' exists already; revoke it or choose another name.");
        }

        var bound = galleries.Distinct().ToList();
        if (bound.Count == 0)
        {
            return Outcome.Failed<IssuedApplicationKey>("Give the key at least one gallery.");
        }

        var galleryNames = await db.Galleries.Where(g => bound.Contains(g.Id)).Select(g => g.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (galleryNames.Count != bound.Count)
        {
            return Outcome.Failed<IssuedApplicationKey>("One of the chosen galleries no longer exists.");
        }

        var (key, prefix, salt, hash) = ApplicationKeySecret.Create();
        var row = new ApplicationKey
        {
            Id = Guid.NewGuid(),
            Name = trimmed,
            Prefix = prefix,
            Salt = salt,
            SecretHash = hash,
            Scopes = scopes,
            CreatedAt = now,
            CreatedBy = actor,
            ExpiresAt = expiresAt?.ToUniversalTime(),
        };
        row.Galleries.AddRange(bound.Select(g => new ApplicationKeyGallery { ApplicationKeyId = row.Id, GalleryId = g }));
        db.ApplicationKeys.Add(row);
        AuditTrail.Add(db, now, actor, AuditActions.ApplicationKeyCreated, row.Id.ToString(), $"Created application key '{trimmed}' ({prefix}) with scopes {string.Join(", ", ScopeNames.NamesOf(scopes))} for the galleries {string.Join(", ", galleryNames.Order(StringComparer.Ordinal))}"
            + (row.ExpiresAt is { } expiry ? $", expiring {expiry:u}." : ", never expiring."));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Outcome.Ok(new IssuedApplicationKey(row.Id, key, prefix));
    }

    /// <summary>Newest first, counts including the uses not yet written to the database.</summary>
    public async Task<IReadOnlyList<ApplicationKeySummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.ApplicationKeys.AsNoTracking().Include(k => k.Galleries).OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(Summary)];
    }

    public async Task<ApplicationKeySummary?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ApplicationKeys.AsNoTracking().Include(k => k.Galleries).FirstOrDefaultAsync(k => k.Id == id, cancellationToken).ConfigureAwait(false) is { } row ? Summary(row) : null;
    }

    /// <summary>False when there is no such key; revoking a revoked key changes nothing.</summary>
    public async Task<bool> RevokeAsync(Guid id, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.ApplicationKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken).ConfigureAwait(false) is not { } row)
        {
            return false;
        }

        if (row.RevokedAt is null)
        {
            var now = time.GetUtcNow().UtcDateTime;
            row.RevokedAt = now;
            AuditTrail.Add(db, now, actor, AuditActions.ApplicationKeyRevoked, row.Id.ToString(), $"Revoked application key '{row.Name}' ({row.Prefix}).");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>A new secret and prefix for the same key (name, scopes, counts); the old secret stops working at once.</summary>
    public async Task<Outcome<IssuedApplicationKey>?> RotateAsync(Guid id, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.ApplicationKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken).ConfigureAwait(false) is not { } row)
        {
            return null;
        }

        if (row.RevokedAt is not null)
        {
            return Outcome.Failed<IssuedApplicationKey>($"The key '{row.Name}' is revoked; create a new one instead.");
        }

        var (key, prefix, salt, hash) = ApplicationKeySecret.Create();
        var now = time.GetUtcNow().UtcDateTime;
        var old = row.Prefix;
        row.Prefix = prefix;
        row.Salt = salt;
        row.SecretHash = hash;
        row.RotatedAt = now;
        AuditTrail.Add(db, now, actor, AuditActions.ApplicationKeyRotated, row.Id.ToString(), $"Rotated application key '{row.Name}': {old} replaced by {prefix}.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Outcome.Ok(new IssuedApplicationKey(row.Id, key, prefix));
    }

    /// <summary>The application a key belongs to, or why it is refused (a sentence for the caller).</summary>
    public async Task<Outcome<AuthenticatedApplication>> AuthenticateAsync(string? key, CancellationToken cancellationToken = default)
    {
        if (ApplicationKeySecret.Parse(key) is not { } parsed)
        {
            return Outcome.Failed<AuthenticatedApplication>("The X-Api-Key header does not hold a FacePortal application key.");
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.ApplicationKeys.AsNoTracking().Include(k => k.Galleries).FirstOrDefaultAsync(k => k.Prefix == parsed.Prefix, cancellationToken).ConfigureAwait(false);
        if (row is null || !ApplicationKeySecret.Matches(parsed.Secret, row.Salt, row.SecretHash))
        {
            return Outcome.Failed<AuthenticatedApplication>("The application key is not known; it may have been rotated.");
        }

        if (row.RevokedAt is { } revoked)
        {
            return Outcome.Failed<AuthenticatedApplication>($"The application key '{row.Name}' was revoked at {revoked:u}.");
        }

        if (row.ExpiresAt is { } expiry && expiry <= time.GetUtcNow().UtcDateTime)
        {
            return Outcome.Failed<AuthenticatedApplication>($"The application key '{row.Name}' expired at {expiry:u}.");
        }

        return Outcome.Ok(new AuthenticatedApplication(row.Id, row.Name, row.Prefix, row.Scopes) { Galleries = [.. row.Galleries.Select(g => g.GalleryId)] });
    }

    private static string? Problem(string name, ApplicationScopes scopes, DateTime? expiresAt, DateTime now)
    {
        if (name.Length == 0)
        {
            return "Enter a name for the key.";
        }

        if (name.Length > ApplicationKey.MaxNameLength)
        {
            return $"A key's name can have at most {ApplicationKey.MaxNameLength} characters.";
        }

        if (VisibleName.Problem(name) is { } problem)
        {
            return problem;
        }

        if (scopes == ApplicationScopes.None)
        {
            return "Give the key at least one scope.";
        }

        return expiresAt is { } expiry && expiry.ToUniversalTime() <= now ? "The expiry must be in the future." : null;
    }

    private ApplicationKeySummary Summary(ApplicationKey row)
    {
        var pending = usage.Pending(row.Id);
        var lastUsed = pending.LastUsedAt is { } recent && (row.LastUsedAt is null || recent > row.LastUsedAt) ? recent : row.LastUsedAt;
        return new ApplicationKeySummary(
            row.Id, row.Name, row.Prefix, ScopeNames.NamesOf(row.Scopes), row.CreatedAt, row.CreatedBy, row.ExpiresAt, row.RevokedAt, lastUsed,
            row.RequestCount + pending.Requests, row.ThrottledCount + pending.Throttled, row.ForbiddenCount + pending.Forbidden)
        {
            Galleries = [.. row.Galleries.Select(g => g.GalleryId)],
        };
    }
}
