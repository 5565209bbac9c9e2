using System.Globalization;
using Bunit;
using FacePortal.Core.Auditing;
using FacePortal.Core.Recognition;
using FacePortal.Web.Recognition.Settings;
using FacePortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Components.Pages.Settings;

/// <summary>The Recognition settings page on the real app with real deepface people enrolled.</summary>
public sealed class RecognitionSettingsPageTests : AppComponentTest
{
    [Fact]
    public async Task Changing_the_rate_moves_the_threshold_recognition_uses_and_is_audited()
    {
        await GalleryPeople.EnrollAsync(App, "Settings Angelina", "img1.jpg", "img2.jpg");
        await GalleryPeople.EnrollAsync(App, "Settings Other", "img13.jpg", "img14.jpg");
        var page = Render<RecognitionSettingsPage>();
        page.WaitForAssertion(() => Assert.Equal("1%", page.Find("#settings-rate").TextContent), TimeSpan.FromSeconds(20));
        Assert.Equal("2", page.Find("#settings-people").TextContent);
        Assert.Contains("named at a 1% false-match rate for 2 people", page.Find("#settings-describe").TextContent, StringComparison.Ordinal);
        var before = float.Parse(page.Find("#settings-threshold").TextContent, CultureInfo.InvariantCulture);
        // The plot is drawn once the gallery's genuine and impostor scores are computed, after the figures.
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#settings-histogram .threshold-line")), TimeSpan.FromSeconds(20));

        page.Find("#settings-rate-input input, input#settings-rate-input").Change("0.1");
        await page.Find("#settings-save").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("0.1%", page.Find("#settings-rate").TextContent), TimeSpan.FromSeconds(20));
        var after = float.Parse(page.Find("#settings-threshold").TextContent, CultureInfo.InvariantCulture);
        Assert.True(after > before, $"threshold {before} at 1%, {after} at 0.1%");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#settings-saved")), TimeSpan.FromSeconds(20));

        // What recognition itself decides at, not only what the page shows.
        var recognizer = App.Services.GetRequiredService<FaceRecognizer>();
        Assert.Equal(after, (await recognizer.OperatingPointAsync(FacePortal.Core.Galleries.Gallery.DefaultId, Xunit.TestContext.Current.CancellationToken)).Threshold, 3);
        Assert.Equal(0.001, recognizer.VerificationPoint.MaxFalseMatchRate, 6);

        var (entries, _) = await App.Services.GetRequiredService<AuditTrail>().PageAsync("recognition.settings-changed", 0, 10, Xunit.TestContext.Current.CancellationToken);
        var entry = Assert.Single(entries);
        Assert.Equal(FacePortalFactory.AdminName, entry.Actor);
        Assert.Equal("false-match rate 1% → false-match rate 0.1%", entry.Details);
    }

    [Fact]
    public async Task A_rate_out_of_range_is_refused_and_nothing_changes()
    {
        var page = Render<RecognitionSettingsPage>();
        page.WaitForAssertion(() => Assert.Equal("1%", page.Find("#settings-rate").TextContent), TimeSpan.FromSeconds(20));

        var problem = await App.Services.GetRequiredService<RecognitionSettingsService>().SaveAsync(0.9, null, "test", Xunit.TestContext.Current.CancellationToken);

        Assert.Equal("The false-match rate must be between 0.0001% and 50%.", problem);
        Assert.Equal(0.01, App.Services.GetRequiredService<OperatingPointService>().MaxFalseMatchRate);
    }
}
