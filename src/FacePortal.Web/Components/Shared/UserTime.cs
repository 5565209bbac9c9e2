namespace FacePortal.Web.Components.Shared;

/// <summary>
/// The app's one date/time formatter (issue 22: pages mixed "2026-12-06 20:46 UTC" with "12/06/2026 20:46"). Times
/// are shown in the browser's time zone (sent by js/time-zone.js as a cookie) and written the way the browser's
/// first language writes them; until those are known (the very first page), UTC in ISO order with "UTC" after it,
/// so a time is never ambiguous. One per circuit or request: <c>Routes</c> fills it from the request.
/// </summary>
public sealed class UserTime
{
    /// <summary>The cookie js/time-zone.js writes the browser's IANA time zone into.</summary>
    public const string TimeZoneCookie = "portal-tz";

    private TimeZoneInfo? _zone;
    private CultureInfo? _culture;

    /// <summary>Takes the browser's time zone id and Accept-Language header; unknown or malformed ones are ignored.</summary>
    public void Use(string? timeZone, string? acceptLanguage)
    {
        _zone = timeZone is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : null;
        _culture = FirstCulture(acceptLanguage);
    }

    /// <summary>A moment stored in UTC (as all of ours are), for people to read.</summary>
    public string Format(DateTime utc)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        if (_zone is null || (_zone.BaseUtcOffset == TimeSpan.Zero && !_zone.SupportsDaylightSavingTime))
        {
            return Written(utc) + " UTC";
        }

        return Written(TimeZoneInfo.ConvertTimeFromUtc(utc, _zone));
    }

    public string Format(DateTimeOffset at) => Format(at.UtcDateTime);

    private string Written(DateTime at) => _culture is null
        ? at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
        : at.ToString("g", _culture);

    /// <summary>The exact moment in UTC, for a tooltip and the machine-readable datetime attribute.</summary>
    public static string Exact(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static CultureInfo? FirstCulture(string? acceptLanguage)
    {
        var first = acceptLanguage?.Split(',')[0].Split(';')[0].Trim();
        if (string.IsNullOrEmpty(first) || first == "*")
        {
            return null;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(first, predefinedOnly: true);
            return culture.Equals(CultureInfo.InvariantCulture) ? null : culture;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
