using Deque.AxeCore.Playwright;
using FacePortal.AcceptanceTests.Support;
using FacePortal.TestSupport;
using Microsoft.Playwright;
using static FacePortal.AcceptanceTests.Support.PageEvidence;

namespace FacePortal.AcceptanceTests.People;

/// <summary>
/// A group photo uploaded on the person page: the page shows its faces numbered and asks which one is the
/// person; nothing is enrolled until the admin picks, and then exactly that face is.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GroupPhotoJourneyTests(BrowserFixture fixture)
{
    private const string Name = "Group Journey";

    [Fact]
    public async Task The_person_page_asks_which_face_of_a_group_photo_is_the_person_and_enrolls_only_that_one()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        var errors = ConsoleErrors(page);
        var personId = await PortalApi.CreatePersonAsync(page, Name);
        var filesBefore = fixture.Server.BlobFiles().Count;
        await page.GotoAsync($"people/{personId}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.WaitForFunctionAsync("() => document.querySelector('#photo-input')?._blazorInputFileNextFileId !== undefined");

        await page.Locator("#photo-input").SetInputFilesAsync(Path.Combine(RepoLocations.FaceApiDemo, "sample4.jpg"));

        var prompt = page.Locator("#face-choice-0");
        await Diagnose(page, fixture, () => Assertions.Expect(prompt.Locator(".face-choice-question")).ToHaveTextAsync($"Which face is {Name}?", new() { Timeout = 30_000 }));
        await Assertions.Expect(prompt.Locator("svg .face-choice-box")).ToHaveCountAsync(4);
        await Assertions.Expect(prompt.Locator(".face-choice-button")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#upload-summary")).ToHaveTextAsync("0 of 1 photo(s) enrolled, 0 rejected, 1 waiting for you to choose a face");
        await Assertions.Expect(page.Locator("#no-faces")).ToBeVisibleAsync();

        // Nothing of it is stored while the question is open.
        Assert.Equal(filesBefore, fixture.Server.BlobFiles().Count);

        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "critical" or "serious").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(" | ", v.Nodes.Select(n => $"{string.Join(' ', n.Target)} {n.Html} {string.Join("; ", n.Any.Select(c => c.Message))}"))})")));

        await page.SetViewportSizeAsync(1440, 900);
        await Shot(page, "group-photo-question-1440.png");
        await page.SetViewportSizeAsync(390, 844);
        await Shot(page, "group-photo-question-390.png");
        await page.SetViewportSizeAsync(1280, 800);

        // The faces are numbered from left to right, on the photo and on the buttons alike.
        var lefts = new List<float>();
        for (var i = 0; i < 4; i++)
        {
            lefts.Add((await BoxOfAsync(prompt, i)).Left);
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), (await prompt.Locator("svg .face-choice-box text").Nth(i).TextContentAsync())!.Trim());
        }

        Assert.Equal(lefts.Order(), lefts);

        // The admin picks face 2 with the keyboard: focus its button and press Enter.
        var chosenBox = await BoxOfAsync(prompt, 1);
        await prompt.Locator("#face-choice-0-face-1").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#upload-summary")).ToHaveTextAsync("1 of 1 photo(s) enrolled, 0 rejected", new() { Timeout = 30_000 });
        await Assertions.Expect(prompt).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#face-grid .face-tile")).ToHaveCountAsync(1);
        Assert.Contains("Enrolled the chosen face; the photo holds 4 faces.", await page.Locator("#upload-results .enrollment-accepted").InnerTextAsync(), StringComparison.Ordinal);

        // Exactly the chosen face: its box is the one drawn as number 2, and it is never the person's picture.
        var person = await PortalApi.GetPersonAsync(page, personId);
        var face = Assert.Single(person.GetProperty("faces").EnumerateArray());
        var box = face.GetProperty("box");
        Assert.Equal(chosenBox, (box.GetProperty("left").GetSingle(), box.GetProperty("top").GetSingle()), new BoxCornerComparer());
        Assert.True(face.GetProperty("fromGroupPhoto").GetBoolean());
        await Assertions.Expect(page.Locator("#person-avatar-placeholder")).ToBeVisibleAsync();
        await Shot(page, "group-photo-chosen.png");

        // "None of them" discards a second upload of the photo without enrolling anything.
        var copy = Path.Combine(Path.GetTempPath(), $"group-copy-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(copy, [.. await File.ReadAllBytesAsync(Path.Combine(RepoLocations.FaceApiDemo, "sample4.jpg"), TestContext.Current.CancellationToken), 0], TestContext.Current.CancellationToken);
        await page.Locator("#photo-input").SetInputFilesAsync(copy);
        await Assertions.Expect(page.Locator("#face-choice-0-none")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ClickAsync("#face-choice-0-none");
        File.Delete(copy);
        await Assertions.Expect(page.Locator("#upload-summary")).ToHaveTextAsync("0 of 1 photo(s) enrolled, 1 rejected");
        await Assertions.Expect(page.Locator("#face-grid .face-tile")).ToHaveCountAsync(1);

        await PortalApi.DeleteAsync(page, personId);
        Assert.Empty(errors);
    }

    /// <summary>The top-left corner of face <paramref name="index"/>'s box as the prompt draws it (photo pixels).</summary>
    private static async Task<(float Left, float Top)> BoxOfAsync(ILocator prompt, int index)
    {
        var rect = prompt.Locator("svg .face-choice-box").Nth(index).Locator("rect").First;
        return (float.Parse((await rect.GetAttributeAsync("x"))!, System.Globalization.CultureInfo.InvariantCulture),
            float.Parse((await rect.GetAttributeAsync("y"))!, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The prompt writes coordinates to one decimal.</summary>
    private sealed class BoxCornerComparer : IEqualityComparer<(float Left, float Top)>
    {
        public bool Equals((float Left, float Top) x, (float Left, float Top) y) => Math.Abs(x.Left - y.Left) <= 0.06f && Math.Abs(x.Top - y.Top) <= 0.06f;

        public int GetHashCode((float Left, float Top) obj) => 0;
    }
}
