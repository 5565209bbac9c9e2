using Bunit;
using FacePortal.Core.Galleries;
using FacePortal.Core.Training;
using FacePortal.Web.Training;
using FacePortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FacePortal.Web.Tests.Components.Pages.Training;

public sealed class RetrainSchedulePanelTests() : AppComponentTest("Ada")
{
    [Fact]
    public async Task Saves_a_valid_schedule_in_the_name_of_the_signed_in_user_and_refuses_an_invalid_one()
    {
        var jobs = App.Services.GetRequiredService<RetrainSchedules>();

        var snackbars = Render<MudSnackbarProvider>();
        var panel = Render<RetrainSchedulePanel>();
        panel.WaitForAssertion(() => Assert.Equal("0 3 * * *", panel.Find("#schedule-cron").GetAttribute("value")));

        // The switch's label is its state (it read "On" while off), in the rendered page as well as the component.
        var toggle = panel.FindComponent<MudSwitch<bool>>();
        Assert.Equal("Off", toggle.Instance.Label);
        panel.Find("#retrain-schedule input[type=checkbox]").Change(true);
        Assert.Equal("On", toggle.Instance.Label);
        Assert.Contains("On", panel.Find("#retrain-schedule .mud-switch").TextContent, StringComparison.Ordinal);
        panel.Find("#schedule-cron").Change("every night");
        panel.Find("#schedule-save").Click();
        panel.WaitForAssertion(() => Assert.Contains("'every night' is not a cron expression", panel.Find("#schedule-message").TextContent, StringComparison.Ordinal));
        Assert.False((await jobs.GetAsync(Gallery.DefaultId, Xunit.TestContext.Current.CancellationToken)).Enabled);

        panel.Find("#schedule-cron").Change(" 30 2 * * * ");
        panel.Find("#schedule-save").Click();
        panel.WaitForAssertion(() => Assert.Equal("Retraining runs on '30 2 * * *' (UTC).", panel.Find("#schedule-message").TextContent.Trim()));
        snackbars.WaitForAssertion(() => Assert.Contains("Scheduled retraining saved and on.", snackbars.Markup, StringComparison.Ordinal));
        var saved = await jobs.GetAsync(Gallery.DefaultId, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal((true, "30 2 * * *", "Ada"), (saved.Enabled, saved.Cron, saved.UpdatedBy));
    }

    [Fact]
    public async Task Shows_the_five_latest_decisions_and_new_ones_as_they_are_taken()
    {
        var jobs = App.Services.GetRequiredService<RetrainSchedules>();
        for (var i = 1; i <= 6; i++)
        {
            await jobs.AddDecisionAsync(Gallery.DefaultId, "skipped", $"Nothing changed ({i}).", null, Xunit.TestContext.Current.CancellationToken);
        }

        var panel = Render<RetrainSchedulePanel>();
        panel.WaitForAssertion(() => Assert.Equal(5, panel.FindAll(".retrain-decision").Count));

        await jobs.AddDecisionAsync(Gallery.DefaultId, "kept", "The new model waits for an admin.", null, Xunit.TestContext.Current.CancellationToken);

        panel.WaitForAssertion(
            () => Assert.Contains(panel.FindAll(".retrain-decision"), d => d.TextContent.Contains("The new model waits for an admin.", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10));
        Assert.Equal(5, panel.FindAll(".retrain-decision").Count);
    }
}
