using Bunit;
using FacePortal.Core.Auditing;
using FacePortal.Core.Galleries;
using FacePortal.Core.People;
using FacePortal.Core.Training;
using FacePortal.Web.Accounts;
using FacePortal.Web.Training;
using FacePortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FacePortal.Web.Tests.Components.Pages.Training;

/// <summary>The Models page: putting a model in use is confirmed first; identical checkpoints say so (issue 22).</summary>
public sealed class ModelsPageTests : AppComponentTest
{
    [Fact]
    public async Task Use_asks_first_and_a_cancelled_question_changes_nothing()
    {
        var (best, _) = await FinishedJobAsync(bestEpoch: 7, lastEpoch: 12);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ModelsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".model-row").Count));
        Assert.Empty(page.FindAll(".model-same"));

        var row = page.FindAll(".model-row").Single(r => r.GetAttribute("data-kind") == "best");
        var clicking = row.QuerySelector(".activate-model")!.ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Use this model?", dialogs.Markup, StringComparison.Ordinal));
        Assert.Contains("names faces on every page and for every application", dialogs.Markup, StringComparison.Ordinal);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        await clicking.WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);

        Assert.False(await App.QueryAsync(db => db.TrainedModels.Where(m => m.Id == best).Select(m => m.IsActive).SingleAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.ModelActivated)));
        Assert.Equal("Gallery (no trained model)", page.Find("#recognizer-name").TextContent.Trim());
    }

    [Fact]
    public async Task A_best_checkpoint_that_is_the_last_epoch_says_so_on_both_rows()
    {
        await FinishedJobAsync(bestEpoch: 20, lastEpoch: 20);

        var page = Render<ModelsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".model-same").Count));
        var notes = page.FindAll(".model-row").ToDictionary(r => r.GetAttribute("data-kind")!, r => r.QuerySelector(".model-same")!.TextContent.Trim());
        Assert.Equal("same as the last epoch: the last epoch was the best", notes["best"]);
        Assert.Equal("same as the best: the last epoch was the best", notes["last"]);
        Assert.Empty(page.FindAll(".model-gallery")); // One gallery: nothing to tell apart.
    }

    [Fact]
    public async Task With_several_galleries_each_model_says_which_gallery_it_names_people_of()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var site = (await App.Services.GetRequiredService<GalleryService>().CreateAsync("Models site", "test", ct)).Value;
        var person = (await App.Services.GetRequiredService<PeopleService>().CreateAsync(site, "Site Modelled", "test", ct)).Value;
        await FinishedJobAsync(bestEpoch: 5, lastEpoch: 9, person);

        Authorization.SetRoles(Roles.Admin); // An admin sees every gallery, so the picker offers both.
        var page = Render<ModelsPage>();

        page.WaitForAssertion(() => Assert.Equal(["Models site", "Models site"], page.FindAll(".model-gallery").Select(c => c.TextContent.Trim())));
        Assert.Contains("a model names the people of the gallery it was trained on, and is put in use there", page.Markup, StringComparison.Ordinal);

        // The panel says what each gallery uses, by name.
        Assert.Contains(page.FindAll("#recognizer-in-use .recognizer"), r => r.GetAttribute("data-gallery") == "Models site" && r.TextContent.Contains("Gallery (no trained model)", StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#recognizer-name")); // The one-gallery id would be ambiguous with several.
    }

    private async Task<(Guid Best, Guid Last)> FinishedJobAsync(int bestEpoch, int lastEpoch, Guid? person = null)
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var jobs = App.Services.GetRequiredService<TrainingJobs>();
        var classesJson = person is null ? "[]" : $$"""[{"id":"{{person}}","name":"Site Modelled"}]""";
        var job = await jobs.QueueAsync(new TrainingRequest { PersonIds = [person ?? Guid.NewGuid(), Guid.NewGuid()] }, "test", ct);
        var start = await jobs.StartAsync(job.Id, "test-worker", ct);
        Assert.NotNull(start);
        TrainedModel Model(string kind, int epoch) => new()
        {
            JobId = job.Id, Kind = kind, Epoch = epoch, ValidationAccuracy = 0.9, ValidationLoss = 0.2, ClassesJson = classesJson, Checkpoint = [1, 2, 3],
        };
        var best = Model("best", bestEpoch);
        var last = Model("last", lastEpoch);
        await jobs.CompleteAsync(
            job.Id,
            start.Attempt,
            new TrainingSummary(ModelKind.TransferHead, [], [], [], 0.9, 0, 0, 0.5f, 0.2, 0.001, bestEpoch, 10, 10, 10, 2, 3, null, "CPU", null, null),
            [best, last],
            ct);
        return (best.Id, last.Id);
    }
}
