using System.Globalization;

namespace FacePortal.Core.Recognition;

/// <summary>Reads and changes the admin's <see cref="RecognitionSettings"/>; every change is audited and applied at once.</summary>
public sealed class RecognitionSettingsService(IDbContextFactory<FacePortalDbContext> databases, RecognitionRate rate, TimeProvider time)
{
    public const double MinRate = 0.000001;
    public const double MaxRate = 0.5;

    /// <summary>Reads the stored settings into <see cref="RecognitionRate"/> (start-up, and each node's reconcile).</summary>
    public async Task<RecognitionSettings?> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var stored = await db.RecognitionSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        rate.Apply(stored);
        return stored;
    }

    /// <summary>Stores a new rate and optional fixed threshold; null with a sentence when a value is out of range.</summary>
    public async Task<string?> SaveAsync(double maxFalseMatchRate, float? fixedThreshold, string actor, CancellationToken cancellationToken = default)
    {
        if (!double.IsFinite(maxFalseMatchRate) || maxFalseMatchRate < MinRate || maxFalseMatchRate > MaxRate)
        {
            return "The false-match rate must be between 0.0001% and 50%.";
        }

        if (fixedThreshold is { } t && (!float.IsFinite(t) || t < -1 || t > 1))
        {
            return "A fixed threshold must be between -1 and 1.";
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var settings = await db.RecognitionSettings.FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        // Before: what was in use, configuration's values when no admin had set any.
        var before = settings is null ? Describe(rate.MaxFalseMatchRate, rate.SimilarityThreshold) : Describe(settings.MaxFalseMatchRate, settings.SimilarityThreshold);
        if (settings is null)
        {
            settings = new RecognitionSettings();
            db.RecognitionSettings.Add(settings);
        }

        var now = time.GetUtcNow().UtcDateTime;
        settings.MaxFalseMatchRate = maxFalseMatchRate;
        settings.SimilarityThreshold = fixedThreshold;
        settings.UpdatedBy = actor;
        settings.UpdatedAt = now;

        // The audit entry commits with the change; it also moves the gallery version other nodes compare.
        AuditTrail.Add(db, now, actor, AuditActions.RecognitionSettingsChanged, null, $"{before} → {Describe(maxFalseMatchRate, fixedThreshold)}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        rate.Apply(settings);
        return null;
    }

    private static string Describe(double maxFalseMatchRate, float? threshold) =>
        threshold is { } t
            ? string.Create(CultureInfo.InvariantCulture, $"fixed threshold {t:0.000} (rate {Shared.OpenSet.OperatingPoint.Percent(maxFalseMatchRate)})")
            : $"false-match rate {Shared.OpenSet.OperatingPoint.Percent(maxFalseMatchRate)}";
}
