using Bunit;
using FacePortal.Core.Training;
using FacePortal.Web.Components.Pages.Training;
using FacePortal.Web.Components.Shared;
using FacePortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Components.Pages.Training;

public sealed class TrainingJobPageTests : AppComponentTest
{
    [Fact]
    public async Task Reads_a_waiting_job_every_second_and_stops_once_it_has_finished()
    {
        var jobs = App.Services.GetRequiredService<TrainingJobs>();
        var job = await jobs.QueueAsync(new TrainingRequest { PersonIds = [Guid.NewGuid(), Guid.NewGuid()] }, "test", Xunit.TestContext.Current.CancellationToken);

        var page = Render<TrainingJobPage>(p => p.Add(c => c.JobId, job.Id));
        page.WaitForAssertion(() => Assert.Equal("Queued", page.Find("#job-status").GetAttribute("data-status")));
        Assert.Single(page.FindComponents<PeriodicRefresh>());

        await jobs.FailAsync(job.Id, "The people have gone.", Xunit.TestContext.Current.CancellationToken);

        page.WaitForAssertion(() => Assert.Equal("Failed", page.Find("#job-status").GetAttribute("data-status")), TimeSpan.FromSeconds(10));
        Assert.Equal("The people have gone.", page.Find("#job-error").TextContent.Trim());
        Assert.Empty(page.FindComponents<PeriodicRefresh>());
        Assert.Empty(page.FindAll("#job-cancel"));
    }
}
