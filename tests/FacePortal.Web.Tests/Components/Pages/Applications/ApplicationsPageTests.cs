using Bunit;
using FacePortal.Core.Applications;
using FacePortal.Web.Applications;
using FacePortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FacePortal.Web.Tests.Components.Pages.Applications;

/// <summary>The Applications page on the real app: create a key (secret shown once, copied), list it with its counts, revoke and rotate it.</summary>
public sealed class ApplicationsPageTests : AppComponentTest
{
    private ApplicationKeys Keys => App.Services.GetRequiredService<ApplicationKeys>();

    [Fact]
    public async Task Creating_a_key_shows_its_secret_once_copies_it_and_lists_it_without_the_secret()
    {
        var page = Render<ApplicationsPage>();

        page.Find("#new-key-name").Change("Door controller");
        Scope(page, "verify").Change(true);
        Scope(page, "people:read").Change(true);
        await page.Find("#create-key").ClickAsync(new());

        var key = page.WaitForElement("#issued-key-value").TextContent.Trim();
        Assert.StartsWith(ApplicationKeySecret.Marker, key, StringComparison.Ordinal);
        var listed = Assert.Single(await Keys.ListAsync(Xunit.TestContext.Current.CancellationToken));
        Assert.Equal("Door controller", listed.Name);
        Assert.Equal(["verify", "people:read"], listed.Scopes);
        Assert.True((await Keys.AuthenticateAsync(key, Xunit.TestContext.Current.CancellationToken)).Succeeded);

        await page.Find("#copy-key").ClickAsync(new());
        Assert.Equal(key, Assert.Single(JSInterop.Invocations, i => i.Identifier == "navigator.clipboard.writeText").Arguments[0]);

        // The list reloads after the key is made; until then its one row is "No application keys yet." (seen on PostgreSQL).
        page.WaitForAssertion(() => Assert.Contains($"fpk_{listed.Prefix}", Assert.Single(page.FindAll("#keys-table tbody tr")).TextContent, StringComparison.Ordinal));
        var row = page.FindAll("#keys-table tbody tr").Single();
        Assert.Contains("active", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(page.Markup, key));
    }

    [Fact]
    public void A_key_without_a_scope_is_refused_with_a_sentence()
    {
        var page = Render<ApplicationsPage>();

        page.Find("#new-key-name").Change("No scopes");
        page.Find("#create-key").Click();

        page.WaitForAssertion(() => Assert.Contains("at least one scope", page.Find("#new-key-error").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_list_shows_counts_and_revoking_marks_the_key_revoked_and_refuses_it()
    {
        var created = (await Keys.CreateAsync("Archive", ApplicationScopes.Detect | ApplicationScopes.PeopleRead, DateTime.UtcNow.AddDays(10), "test", Xunit.TestContext.Current.CancellationToken)).Value;
        var usage = App.Services.GetRequiredService<ApplicationKeyUsage>();
        usage.Used(created.Id);
        usage.Used(created.Id);
        usage.Throttled(created.Id);
        var provider = Render<MudDialogProvider>();
        var page = Render<ApplicationsPage>();

        page.WaitForAssertion(() => Assert.Contains("Archive", Assert.Single(page.FindAll("#keys-table tbody tr")).TextContent, StringComparison.Ordinal));
        var row = page.FindAll("#keys-table tbody tr").Single();
        Assert.Contains("2 (1 throttled, 0 forbidden)", row.TextContent.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("never", row.Children[4].TextContent, StringComparison.Ordinal);

        var click = row.QuerySelector("[aria-label='Revoke the key of Archive']")!.ClickAsync(new());
        await ConfirmAsync(provider, click, "Revoke");

        page.WaitForAssertion(() => Assert.Contains("revoked", page.FindAll("#keys-table tbody tr").Single().TextContent, StringComparison.Ordinal));
        Assert.False((await Keys.AuthenticateAsync(created.Key, Xunit.TestContext.Current.CancellationToken)).Succeeded);
    }

    [Fact]
    public async Task Rotating_shows_the_new_secret_once_and_the_old_one_stops_working()
    {
        var created = (await Keys.CreateAsync("Attendance", ApplicationScopes.Recognize, null, "test", Xunit.TestContext.Current.CancellationToken)).Value;
        var provider = Render<MudDialogProvider>();
        var page = Render<ApplicationsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[aria-label='Rotate the key of Attendance']")));
        var click = page.Find("[aria-label='Rotate the key of Attendance']").ClickAsync(new());
        await ConfirmAsync(provider, click, "Rotate");

        var fresh = page.WaitForElement("#issued-key-value").TextContent.Trim();
        Assert.NotEqual(created.Key, fresh);
        Assert.False((await Keys.AuthenticateAsync(created.Key, Xunit.TestContext.Current.CancellationToken)).Succeeded);
        Assert.True((await Keys.AuthenticateAsync(fresh, Xunit.TestContext.Current.CancellationToken)).Succeeded);
    }

    /// <summary>Presses <paramref name="button"/> in the confirmation box the click opened, and waits for the click to finish.</summary>
    private static async Task ConfirmAsync(IRenderedComponent<MudDialogProvider> provider, Task click, string button)
    {
        provider.WaitForAssertion(() => Assert.Contains(provider.FindAll("button"), b => b.TextContent.Trim() == button));
        provider.FindAll("button").Single(b => b.TextContent.Trim() == button).Click();
        await click.WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);
    }

    private static AngleSharp.Dom.IElement Scope(IRenderedComponent<ApplicationsPage> page, string name) =>
        page.FindAll($"input[data-scope='{name}'], [data-scope='{name}'] input").First();

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
