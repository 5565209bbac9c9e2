using Bunit;
using FacePortal.Web.People;
using FacePortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Components.Pages.People;

public sealed class PeoplePageTests : AppComponentTest
{
    [Fact]
    public async Task A_search_that_finds_nobody_offers_to_clear_it_not_to_create_a_person_and_clearing_shows_everyone()
    {
        await App.Services.GetRequiredService<FacePortal.Core.People.PeopleService>().CreateAsync("Search Ada", "test", Xunit.TestContext.Current.CancellationToken);
        var page = Render<PeoplePage>();
        page.WaitForAssertion(() => Assert.Contains("Search Ada", page.Find("#people-table").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        page.Find("#people-search").Input("zzz nobody");

        page.WaitForAssertion(() => Assert.Contains("Nobody matches \"zzz nobody\"", page.Find("#people-empty").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("Create a person", page.Find("#people-empty").TextContent, StringComparison.Ordinal);
        page.Find("#people-clear-search").Click();

        page.WaitForAssertion(() => Assert.Contains("Search Ada", page.Find("#people-table").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal(string.Empty, page.Find("#people-search").GetAttribute("value") ?? string.Empty);
    }
}
