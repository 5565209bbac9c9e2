using System.Globalization;
using Bunit;
using FacePortal.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Components.Shared;

/// <summary>The app's one date/time format: the reader's zone and language, UTC said whenever it is what is shown.</summary>
public sealed class UserTimeTests : BunitContext
{
    private static readonly DateTime Moment = new(2026, 12, 6, 20, 46, 30, DateTimeKind.Utc);

    [Fact]
    public void Unknown_zone_and_language_show_utc_in_iso_order_and_say_so()
    {
        var time = new UserTime();

        Assert.Equal("2026-12-06 20:46 UTC", time.Format(Moment));
    }

    [Fact]
    public void The_browsers_zone_and_first_language_are_used()
    {
        var time = new UserTime();
        time.Use("Europe/Berlin", "de-DE,de;q=0.9,en;q=0.8");

        Assert.Equal("06.12.2026 21:46", time.Format(Moment));

        time.Use("America/New_York", "en-US");
        // ICU writes the space before PM as it likes (a narrow no-break space in recent versions): compare with .NET's own.
        Assert.Equal(new DateTime(2026, 12, 6, 15, 46, 30).ToString("g", CultureInfo.GetCultureInfo("en-US")), time.Format(Moment));
    }

    [Fact]
    public void A_utc_browser_is_told_it_is_utc_and_nonsense_is_ignored()
    {
        var time = new UserTime();
        time.Use("Etc/UTC", "en-GB");
        Assert.Equal("06/12/2026 20:46 UTC", time.Format(Moment));

        time.Use("Not/AZone", "xx-nonsense-language");
        Assert.Equal("2026-12-06 20:46 UTC", time.Format(Moment));
    }

    [Fact]
    public void When_shows_the_moment_with_the_exact_utc_time_on_hover()
    {
        Services.AddScoped<UserTime>();

        var when = Render<When>(p => p.Add(w => w.At, Moment));

        var element = when.Find("time");
        Assert.Equal("2026-12-06T20:46:30Z", element.GetAttribute("datetime"));
        Assert.Equal("2026-12-06 20:46:30 UTC", element.GetAttribute("title"));
        Assert.Equal("2026-12-06 20:46 UTC", element.TextContent);
    }
}
