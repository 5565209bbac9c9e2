namespace FacePortal.Core.Auditing;

/// <summary>Writes and reads the audit trail.</summary>
public sealed class AuditTrail(IDbContextFactory<FacePortalDbContext> databases, TimeProvider time)
{
    /// <summary>
    /// Adds an entry to <paramref name="db"/> without saving, so it commits with the change it
    /// describes (or not at all). For a change made outside our database, use <see cref="RecordAsync"/>.
    /// </summary>
    public static void Add(FacePortalDbContext db, DateTime at, string actor, string action, string? subjectId, string details)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditEntries.Add(new AuditEntry { At = at, Actor = actor, Action = action, SubjectId = subjectId, Details = details });
    }

    /// <summary>Records an entry on its own, for changes outside our database (accounts, exports, imports).</summary>
    public async Task RecordAsync(string actor, string action, string? subjectId, string details, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        Add(db, time.GetUtcNow().UtcDateTime, actor, action, subjectId, details);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Newest first; <paramref name="search"/> matches actor, action or details.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Items, int Total)> PageAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.Actor.ToLower().Contains(term) || e.Action.ToLower().Contains(term) || e.Details.ToLower().Contains(term));
        }

        var total = await entries.CountAsync(cancellationToken).ConfigureAwait(false);
        pageSize = Math.Clamp(pageSize, 1, 500);
        var items = await entries.OrderByDescending(e => e.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (items, total);
    }
}
