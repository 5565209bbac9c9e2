using FacePortal.Web.Hosting;
using FacePortal.Web.Tests.Support;

namespace FacePortal.Web.Tests.Hosting;

/// <summary>Scalar's and Hangfire's pages get a valid lang, and Scalar's reference no vendor buttons (issue 22).</summary>
public sealed class VendorPageLanguageTests(FacePortalFactory factory) : IClassFixture<FacePortalFactory>
{
    [Theory]
    [InlineData("/scalar/")]
    [InlineData("/hangfire")]
    public async Task The_vendor_pages_say_they_are_in_english(string path)
    {
        using var admin = await factory.SignInAsync();

        var page = await admin.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        var opening = page[page.IndexOf("<html", StringComparison.OrdinalIgnoreCase)..];
        Assert.StartsWith("<html lang=\"en\"", opening, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(opening[..opening.IndexOf('>', StringComparison.Ordinal)], "lang="));
    }

    [Fact]
    public async Task The_api_reference_turns_off_the_vendor_toolbar_agent_and_mcp()
    {
        using var admin = await factory.SignInAsync();

        var page = await admin.GetStringAsync(new Uri("/scalar/", UriKind.Relative), TestContext.Current.CancellationToken);

        // Scalar's page carries its configuration as JSON; these are the switches behind Deploy / Generate SDK and Ask AI.
        Assert.Contains("\"showDeveloperTools\":\"never\"", page, StringComparison.Ordinal);
        Assert.Contains("\"hideClientButton\":true", page, StringComparison.Ordinal);
        Assert.Matches("\"agent\":\\{[^}]*\"disabled\":true", page);
        Assert.Matches("\"mcp\":\\{[^}]*\"disabled\":true", page);
    }

    [Theory]
    [InlineData("<!doctype html><html><head>", "<!doctype html><html lang=\"en\"><head>")]
    [InlineData("<html lang=\"iv\" class=\"x\">", "<html lang=\"en\" class=\"x\">")]
    [InlineData("<HTML LANG='' dir=ltr><body><html>", "<html lang=\"en\" dir=ltr><body><html>")]
    public void Only_the_opening_html_tag_is_rewritten(string page, string expected) =>
        Assert.Equal(expected, VendorPageLanguage.WithLanguage(page));
}
