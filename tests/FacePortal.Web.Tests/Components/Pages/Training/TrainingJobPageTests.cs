using Bunit;
using FacePortal.Core.Training;
using FacePortal.Training.Metric;
using FacePortal.Web.Training;
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

    [Fact]
    public async Task A_finished_metric_job_shows_its_one_shot_table_raw_beside_metric()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var jobs = App.Services.GetRequiredService<TrainingJobs>();
        var job = await jobs.QueueAsync(new TrainingRequest { Model = ModelKind.MetricTriplet, PersonIds = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()] }, "test", ct);
        var table = new OneShotTable(8, 220, 20, [
            new OneShotRow("5-way 1-shot accuracy", 0.951, 0.859),
            new OneShotRow("8-way 1-shot accuracy (all test people)", 0.95, 0.823),
            new OneShotRow("TAR at FAR 1e-2", 0.836, 0.58),
            new OneShotRow("TAR at FAR 1e-3", null, 0.396),
        ]);
        var calibration = new MetricCalibration(0.625f, 0.40f, 0.00062, 0.682, 0.358);
        var start = await jobs.StartAsync(job.Id, "test-worker", ct);
        Assert.NotNull(start);
        await jobs.CompleteAsync(
            job.Id,
            start.Attempt,
            new TrainingSummary(ModelKind.MetricTriplet, [new TrainedClass(Guid.NewGuid(), "A")], [], [], 0.979, 0, 0, 0.625f, 0.358, 0.00062, 16, 380, 1140, 95, 4, 3, null, "CPU", table, calibration),
            [],
            ct);

        var page = Render<TrainingJobPage>(p => p.Add(c => c.JobId, job.Id));

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("#one-shot-table .one-shot-row").Count));
        Assert.Equal("Metric (triplet loss)", page.Find("#job-model").TextContent.Trim());
        var rows = page.FindAll("#one-shot-table .one-shot-row").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["5-way 1-shot accuracy", "95.1 %", "85.9 %"], rows[0]);
        Assert.Equal(["TAR at FAR 1e-3", "n/a", "39.6 %"], rows[3]);
        Assert.Contains("0.625", page.Find("#job-metric-threshold").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#confusion"));
    }
}
