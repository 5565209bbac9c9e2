using Deque.AxeCore.Playwright;
using FacePortal.AcceptanceTests.Support;
using Microsoft.Playwright;
using static FacePortal.AcceptanceTests.Support.PageEvidence;

namespace FacePortal.AcceptanceTests.People;

/// <summary>
/// A person created but not yet given photos is listed with a "none yet" chip; the page sweep never saw one (the
/// other journeys clean up), and its orange words on white failed contrast the day a journey left one behind.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PersonWithoutFacesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_people_list_shows_a_person_without_faces_with_no_serious_axe_finding()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        await page.GotoAsync("people");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var personId = await PortalApi.CreatePersonAsync(page, "Nobody Photographed");
        try
        {
            await page.ReloadAsync();
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator("#people-table")).ToContainTextAsync("none yet", new() { Timeout = 10_000 });
            await Shot(page, "people-without-faces.png");

            var result = await page.RunAxe();
            var serious = result.Violations.Where(v => v.Impact is "critical" or "serious")
                .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}").ToList();
            Assert.True(serious.Count == 0, string.Join("\n", serious));
        }
        finally
        {
            await PortalApi.DeleteAsync(page, personId);
        }
    }
}
