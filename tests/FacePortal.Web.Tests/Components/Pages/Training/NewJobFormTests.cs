using Bunit;
using FacePortal.Core.Galleries;
using FacePortal.Core.People;
using FacePortal.Core.Training;
using FacePortal.Web.Accounts;
using FacePortal.Web.Training;
using FacePortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FacePortal.Web.Tests.Components.Pages.Training;

public sealed class NewJobFormTests : AppComponentTest
{
    [Fact]
    public async Task Chooses_everyone_with_enough_faces_and_shows_why_a_job_was_not_queued()
    {
        await GalleryPeople.EnrollAsync(App, "Form Ready", "img1.jpg", "img2.jpg");
        await App.Services.GetRequiredService<PeopleService>().CreateAsync("Form Empty", "test", Xunit.TestContext.Current.CancellationToken);

        var form = Render<NewJobForm>();
        form.WaitForAssertion(() => Assert.Equal("People: 1 of 2 chosen", form.Find("#training-people-summary").TextContent.Trim()));
        var empty = form.FindAll("#training-people .mud-checkbox").Single(c => c.TextContent.Contains("Form Empty (0 faces)", StringComparison.Ordinal));
        Assert.NotNull(empty.QuerySelector("input[disabled]"));

        // Said before Queue is pressed, and Queue cannot be pressed while it holds.
        Assert.Equal("Choose at least two people.", form.Find("#training-blocked").TextContent.Trim());
        Assert.True(form.Find("#training-queue").HasAttribute("disabled"));
        Assert.Empty(await App.Services.GetRequiredService<TrainingJobs>().ListAsync(cancellationToken: Xunit.TestContext.Current.CancellationToken));

        form.FindAll("#training-form button").Single(b => b.TextContent.Trim() == "None").Click();
        Assert.Equal("People: 0 of 2 chosen", form.Find("#training-people-summary").TextContent.Trim());
    }

    [Fact]
    public async Task Lists_the_people_of_the_chosen_gallery_only()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await GalleryPeople.EnrollAsync(App, "Main Trainee", "img1.jpg", "img2.jpg");
        var site = (await App.Services.GetRequiredService<GalleryService>().CreateAsync("Training site", "test", ct)).Value;
        Assert.True((await App.Services.GetRequiredService<PeopleService>().CreateAsync(site, "Site Trainee", "test", ct)).Succeeded);

        Authorization.SetRoles(Roles.Admin); // An admin sees every gallery, so the picker offers both.
        var form = Render<NewJobForm>();
        form.WaitForAssertion(() => Assert.Equal("People: 1 of 1 chosen", form.Find("#training-people-summary").TextContent.Trim()));
        Assert.Contains("Main Trainee", form.Find("#training-people").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Site Trainee", form.Find("#training-people").TextContent, StringComparison.Ordinal);

        var picker = form.FindComponent<MudSelect<Guid>>();
        await form.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(site));
        form.WaitForAssertion(() => Assert.Contains("Site Trainee (0 faces)", form.Find("#training-people").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Main Trainee", form.Find("#training-people").TextContent, StringComparison.Ordinal);
        Assert.Equal("People: 0 of 1 chosen", form.Find("#training-people-summary").TextContent.Trim());
    }

    [Fact]
    public async Task Offers_the_metric_kind_with_its_own_settings_and_refuses_it_for_fewer_than_four_people()
    {
        await GalleryPeople.EnrollAsync(App, "Metric One", "img1.jpg", "img2.jpg");
        await GalleryPeople.EnrollAsync(App, "Metric Two", "img3.jpg", "img4.jpg");

        var form = Render<NewJobForm>();
        form.WaitForAssertion(() => Assert.Equal("People: 2 of 2 chosen", form.Find("#training-people-summary").TextContent.Trim()));
        var kinds = form.FindComponents<MudSelectItem<ModelKind>>();
        Assert.Equal([ModelKind.TransferHead, ModelKind.ScratchCnn, ModelKind.MetricTriplet], kinds.Select(k => k.Instance.Value));
        Assert.Empty(form.FindAll("#training-metric"));

        var select = form.FindComponent<MudSelect<ModelKind>>();
        await form.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(ModelKind.MetricTriplet));

        // The four-people rule is on the form as soon as the metric is chosen, and Queue waits for it.
        form.WaitForAssertion(() => Assert.Equal(
            "Choose at least four people: some to learn the metric from, others to test it on.", form.Find("#training-blocked").TextContent.Trim()));
        Assert.True(form.Find("#training-queue").HasAttribute("disabled"));
        Assert.Contains("at least four people", form.Find("#training-metric-help").TextContent, StringComparison.Ordinal);
        form.Find("#training-advanced .mud-expand-panel-header").Click();
        form.WaitForAssertion(() => Assert.Contains("Margin", form.Find("#training-metric").TextContent, StringComparison.Ordinal));
        Assert.Contains("People per batch (P)", form.Find("#training-metric").TextContent, StringComparison.Ordinal);
        Assert.Empty(await App.Services.GetRequiredService<TrainingJobs>().ListAsync(cancellationToken: Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Shows_the_settings_that_matter_and_keeps_the_rest_in_a_collapsed_advanced_panel()
    {
        await GalleryPeople.EnrollAsync(App, "Panel One", "img1.jpg", "img2.jpg");
        await GalleryPeople.EnrollAsync(App, "Panel Two", "img3.jpg", "img4.jpg");

        var form = Render<NewJobForm>();
        form.WaitForAssertion(() => Assert.Equal("People: 2 of 2 chosen", form.Find("#training-people-summary").TextContent.Trim()));
        var panel = form.FindComponent<MudExpansionPanel>();
        Assert.Equal("Advanced settings", panel.Instance.Text);
        // Collapsed until asked for.
        Assert.Empty(form.FindAll("#training-advanced .mud-panel-expanded"));
        Assert.NotNull(form.Find("#training-epochs"));
        Assert.Empty(form.FindAll("#training-blocked"));
        Assert.False(form.Find("#training-queue").HasAttribute("disabled"));

        form.Find("#training-advanced .mud-expand-panel-header").Click();
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("#training-advanced .mud-panel-expanded")));
        var advanced = form.Find("#training-advanced").TextContent;
        foreach (var label in new[] { "Batch size", "Optimizer", "Learning rate", "Hidden size", "Dropout", "Validation %", "Augmented copies", "Early-stopping patience", "LR factor on plateau", "LR patience", "Seed" })
        {
            Assert.Contains(label, advanced, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Epochs", advanced, StringComparison.Ordinal);
    }

    [Fact]
    public void The_metric_fields_become_the_request()
    {
        var fields = new NewJobFields { Model = ModelKind.MetricTriplet, Margin = 0.3, PeoplePerBatch = 6, FacesPerPerson = 5, OutputSize = 64, TestPeoplePercent = 40 };

        var request = fields.ToRequest([Guid.NewGuid()]);

        Assert.Equal(ModelKind.MetricTriplet, request.Model);
        Assert.Equal((0.3, 6, 5, 64, 0.4), (request.Metric.Margin, request.Metric.PeoplePerBatch, request.Metric.FacesPerPerson, request.Metric.OutputSize, request.Metric.TestPeopleFraction));
    }
}
