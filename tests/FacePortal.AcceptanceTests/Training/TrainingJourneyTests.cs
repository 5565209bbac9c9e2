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
            await page.SetViewportSizeAsync(1440, 900);
            await page.GotoAsync("training");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator("#training-people-summary")).ToHaveTextAsync("People: 3 of 3 chosen");

            // The metric needs four people: said, and Queue disabled, before anything is pressed.
            await page.Locator(".mud-input-control.mud-select:has(#training-model)").ClickAsync();
            await page.GetByText("Metric (triplet loss)", new() { Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#training-blocked")).ToContainTextAsync("Choose at least four people");
            await Assertions.Expect(page.Locator("#training-queue")).ToBeDisabledAsync();
            await Shot(page, "training-metric-blocked.png");
            await page.Locator(".mud-input-control.mud-select:has(#training-model)").ClickAsync();
            await page.GetByText("Transfer head on the face-embedding network", new() { Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#training-blocked")).ToHaveCountAsync(0);
            await page.SetViewportSizeAsync(390, 844);
            await Shot(page, "training-form-390.png");
            await page.SetViewportSizeAsync(1440, 900);
            await page.Locator("#training-epochs").FillAsync("40");
            await page.Locator("#training-epochs").BlurAsync();
            await Shot(page, "training-form.png");
            await page.ClickAsync("#training-queue");

            await page.WaitForURLAsync("**/training/*");
            await Toasts.ExpectAsync(page, "Training job queued.");
            // The bar only moves forward, through feature extraction and the epochs: watched in the page itself.
            await page.EvaluateAsync("""
                () => { window.__progress = []; const read = () => { const bar = document.querySelector('#job-progress');
                  if (bar) window.__progress.push(Number(bar.dataset.progress)); }; window.__progressTimer = setInterval(read, 100); }
                """);
            await Diagnose(page, fixture, () => page.WaitForFunctionAsync(
                "() => Number(document.querySelector('#loss-chart polyline')?.dataset.points ?? 0) >= 2", null, new() { Timeout = 60_000 }), "training-curve-failure");
            await Diagnose(page, fixture, () => Assertions.Expect(page.Locator("#job-status")).ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = 120_000 }), "training-end-failure");
            var progress = await page.EvaluateAsync<double[]>("() => { clearInterval(window.__progressTimer); return window.__progress; }");
            Assert.True(progress.Length >= 3, $"the progress bar was seen {progress.Length} times");
            Assert.Equal(progress.Order(), progress);
            await Assertions.Expect(page.Locator("#confusion td")).ToHaveCountAsync(9);
            await page.SetViewportSizeAsync(390, 844);
            await Shot(page, "training-job-390.png");
            await page.SetViewportSizeAsync(1440, 900);
            await Assertions.Expect(page.Locator("#job-models .job-model")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#confusion")).ToContainTextAsync("Trainee Angelina");
            await Shot(page, "training-job.png");

            // Put the best checkpoint in use; the Live page then names her with the model.
            // It changes what every page names, so it asks first and says so after.
            await page.Locator("#job-models .activate-model").First.ClickAsync();
            await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Use this model?");
            await Shot(page, "training-use-confirm.png");
            await page.Locator(".mud-dialog button", new() { HasTextString = "Use" }).ClickAsync();
            await Assertions.Expect(page.Locator("#job-models")).ToContainTextAsync("in use");
            await Toasts.ExpectAsync(page, "Recognition uses the best model trained");
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
            await page.SetViewportSizeAsync(390, 844);
            await Shot(page, "models-390.png");
            await page.SetViewportSizeAsync(1440, 900);
            await page.ClickAsync("#use-gallery");
            await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Use the gallery?");
            await page.Locator(".mud-dialog button", new() { HasTextString = "Use" }).ClickAsync();
            await Assertions.Expect(page.Locator("#recognizer-name")).ToHaveTextAsync("Gallery (no trained model)");
            await Toasts.ExpectAsync(page, "Recognition uses the gallery.");
            await Shot(page, "models-gallery-toast.png");

            // The audit trail names the model put in use (its id on hover), and its action chips stay whole.
            await page.GotoAsync("audit");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator("#audit-table .audit-details", new() { HasTextString = "Recognition uses the best model trained" })).ToHaveCountAsync(1);
            Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-", await page.Locator("#audit-table .audit-details", new() { HasTextString = "Recognition uses the best model" }).TextContentAsync() ?? string.Empty);
            var chipHeights = await page.Locator("#audit-table .audit-action").EvaluateAllAsync<double[]>("chips => chips.map(c => c.getBoundingClientRect().height)");
            Assert.All(chipHeights, h => Assert.True(h < 30, $"an action chip is {h} px high: it wrapped"));
            await Shot(page, "audit.png");
            await page.SetViewportSizeAsync(390, 844);
            await Shot(page, "audit-390.png");
            await page.SetViewportSizeAsync(1440, 900);

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
