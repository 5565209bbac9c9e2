using FacePortal.AcceptanceTests.Support;
using Microsoft.Playwright;
using static FacePortal.AcceptanceTests.Support.PageEvidence;

namespace FacePortal.AcceptanceTests.Training;

/// <summary>
/// An admin queues a training job from the form, watches its curves grow, reads the confusion matrix,
/// puts the model in use and sees the Live page name the person with it, then rolls back to the gallery.
/// </summary>
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

            // Put the best checkpoint in use; the Live page then names her with the model.
            await page.Locator("#job-models .activate-model").First.ClickAsync();
            await Assertions.Expect(page.Locator("#job-models")).ToContainTextAsync("in use");
            await page.GotoAsync("live");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator("#live-recognizer")).ToContainTextAsync("Recognizer: model trained");
            await page.ClickAsync("#live-start");
            await Diagnose(page, fixture, () => Assertions.Expect(page.Locator("#live-overlay")).ToHaveAttributeAsync("data-labels", "Trainee Angelina", new() { Timeout = 20_000 }), "training-live-failure");
            await Shot(page, "training-live.png");
            await page.ClickAsync("#live-stop");

            // Roll back to the gallery from the Models page.
            await page.GotoAsync("models");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator("#models-table .model-row[data-active=true]")).ToHaveCountAsync(1);
            await Shot(page, "models.png");
            await page.ClickAsync("#use-gallery");
            await Assertions.Expect(page.Locator("#recognizer-name")).ToHaveTextAsync("Gallery (no trained model)");

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
