using Bunit;
using FacePortal.Core.People;
using FacePortal.Core.Training;
using FacePortal.Web.Components.Pages.Training;
using FacePortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

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

        form.Find("#training-queue").Click();
        form.WaitForAssertion(() => Assert.Equal("Choose at least two people.", form.Find("#training-problem").TextContent.Trim()));
        Assert.Empty(await App.Services.GetRequiredService<TrainingJobs>().ListAsync(cancellationToken: Xunit.TestContext.Current.CancellationToken));

        form.FindAll("#training-form button").Single(b => b.TextContent.Trim() == "None").Click();
        Assert.Equal("People: 0 of 2 chosen", form.Find("#training-people-summary").TextContent.Trim());
    }
}
