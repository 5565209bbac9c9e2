using FacePortal.AcceptanceTests.Support;
using Microsoft.Playwright;
using static FacePortal.AcceptanceTests.Support.PageEvidence;

namespace FacePortal.AcceptanceTests.Training;

/// <summary>An admin queues a training job from the form, watches its curves grow and reads the confusion matrix.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TrainingJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_admin_queues_a_job_and_watches_it_train()
    {
        var (context, page) = await fixture.SignedInPageAsync();
        await using var _ = context;
        var errors = ConsoleErrors(page);
        Guid[] people =
        [
            await PortalApi.EnrollAsync(page, "Trainee Angelina", "img1.jpg", "img2.jpg", "img4.jpg", "img5.jpg"),
            await PortalApi.EnrollAsync(page, "Trainee Second", "img13.jpg", "img14.jpg", "img15.jpg"),
            await PortalApi.EnrollAsync(page, "Trainee Third", "img20.jpg", "img21.jpg"),
        ];
        try
        {
            await page.GotoAsync("training");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator("#training-people-summary")).ToHaveTextAsync("People: 3 of 3 chosen");
            await page.Locator("#training-epochs").FillAsync("40");
            await page.Locator("#training-epochs").BlurAsync();
            await Shot(page, "training-form.png");
            await page.ClickAsync("#training-queue");

            await page.WaitForURLAsync("**/training/*");
            await Diagnose(page, fixture, () => page.WaitForFunctionAsync(
                "() => Number(document.querySelector('#loss-chart polyline')?.dataset.points ?? 0) >= 2", null, new() { Timeout = 60_000 }), "training-curve-failure");
            await Diagnose(page, fixture, () => Assertions.Expect(page.Locator("#job-status")).ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = 120_000 }), "training-end-failure");
            await Assertions.Expect(page.Locator("#confusion td")).ToHaveCountAsync(9);
            await Assertions.Expect(page.Locator("#job-models .job-model")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#confusion")).ToContainTextAsync("Trainee Angelina");
            await Shot(page, "training-job.png");

            await page.GotoAsync("training");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator("#training-jobs .training-job[data-status=Succeeded]")).ToHaveCountAsync(1);
            Assert.Empty(errors);
        }
        finally
        {
            foreach (var person in people)
            {
                await PortalApi.DeleteAsync(page, person);
            }
        }
    }
}
