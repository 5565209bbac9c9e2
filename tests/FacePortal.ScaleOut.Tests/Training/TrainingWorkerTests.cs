using FacePortal.ScaleOut.Tests.Support;
using FacePortal.TestSupport;

namespace FacePortal.ScaleOut.Tests.Training;

/// <summary>
/// Training jobs in the scaled-out layout, with real processes: a web node that never trains and
/// two workers on one PostgreSQL (database and job storage). Jobs stay small: no augmented copies,
/// and head epochs that take seconds.
/// </summary>
public sealed class TrainingWorkerTests(ScaleOutCluster cluster) : IClassFixture<ScaleOutCluster>
{
    /// <summary>Generous: the machines these run on are shared, and a loaded one trains several times slower.</summary>
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(5);

    /// <summary>300 short epochs (no early stop), so there is time to stop a worker in the middle of them.</summary>
    private object LongJob => new
    {
        personIds = cluster.People,
        augmentedCopies = 0,
        head = new { epochs = 300, earlyStoppingPatience = 1000, learningRatePatience = 1000 },
    };

    [Fact]
    public async Task A_job_queued_on_the_web_node_runs_on_exactly_one_worker_and_never_on_the_web_node()
    {
        var id = await cluster.QueueAsync(new { personIds = cluster.People, augmentedCopies = 0, head = new { epochs = 10 } });

        var job = await cluster.WaitForSuccessAsync(id, JobTimeout);

        var attempt = Assert.Single(job.AttemptHistory);
        Assert.Contains(attempt.Worker, ScaleOutCluster.WorkerNames);
        Assert.Equal("Succeeded", attempt.Outcome);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(Enumerable.Range(1, job.Epochs.Count), job.Epochs);
        Assert.Equal(["best", "last"], await cluster.ModelKindsAsync(id));
        Assert.Contains($"Training job {id}: attempt 1 on {attempt.Worker}", cluster.Workers[attempt.Worker].Log, StringComparison.Ordinal);
        Assert.All(cluster.Workers.Values.Where(w => w.Name != attempt.Worker), w => Assert.DoesNotContain(id.ToString(), w.Log, StringComparison.Ordinal));
        Assert.DoesNotContain($"Training job {id}", cluster.Web.Log, StringComparison.Ordinal);
        Assert.Contains("Training jobs run in worker processes only", cluster.Web.Log, StringComparison.Ordinal);

        // The job page says which worker ran it.
        var page = await cluster.Admin.GetStringAsync(new Uri($"/training/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains($"data-worker=\"{attempt.Worker}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_killed_worker_s_job_finishes_on_the_other_worker_with_contiguous_epochs_and_one_best_and_one_last_model()
    {
        var id = await cluster.QueueAsync(LongJob);
        var running = await cluster.WaitUntilAsync(id, j => j.RunningOn is not null && j.Epochs.Count >= 3, JobTimeout);
        var victim = running.RunningOn!;

        await cluster.Workers[victim].KillAsync();
        var job = await cluster.WaitForSuccessAsync(id, JobTimeout);
        await cluster.StartWorkerAsync(victim);

        Assert.Equal(2, job.AttemptHistory.Count);
        Assert.Equal((victim, "Lost"), (job.AttemptHistory[0].Worker, job.AttemptHistory[0].Outcome));
        Assert.NotEqual(victim, job.AttemptHistory[1].Worker);
        Assert.Contains(job.AttemptHistory[1].Worker, ScaleOutCluster.WorkerNames);
        Assert.Equal("Succeeded", job.AttemptHistory[1].Outcome);
        Assert.Equal(Enumerable.Range(1, job.Epochs.Count), job.Epochs);
        Assert.Equal(["best", "last"], await cluster.ModelKindsAsync(id));
    }

    [Fact]
    public async Task A_worker_stopped_with_SIGTERM_exits_within_its_shutdown_timeout_and_the_job_finishes_elsewhere()
    {
        var id = await cluster.QueueAsync(LongJob);
        var running = await cluster.WaitUntilAsync(id, j => j.RunningOn is not null && j.Epochs.Count >= 3, JobTimeout);
        var stopped = running.RunningOn!;

        var exit = await cluster.Workers[stopped].TerminateAsync(ScaleOutCluster.ShutdownTimeout + TimeSpan.FromSeconds(10));
        var handedBack = await cluster.GetAsync(id);
        var job = await cluster.WaitForSuccessAsync(id, JobTimeout);
        await cluster.StartWorkerAsync(stopped);

        Assert.True(exit <= ScaleOutCluster.ShutdownTimeout, $"The worker took {exit.TotalSeconds:0.0} s to exit after SIGTERM.");
        Assert.Equal("HandedBack", handedBack.AttemptHistory[0].Outcome);
        Assert.Equal(2, job.AttemptHistory.Count);
        Assert.Equal((stopped, "HandedBack"), (job.AttemptHistory[0].Worker, job.AttemptHistory[0].Outcome));
        Assert.Equal("Succeeded", job.AttemptHistory[1].Outcome);
        Assert.NotEqual(stopped, job.AttemptHistory[1].Worker);
        Assert.Equal(Enumerable.Range(1, job.Epochs.Count), job.Epochs);
        Assert.Equal(["best", "last"], await cluster.ModelKindsAsync(id));
    }

    /// <summary>
    /// The same job (the default five augmented copies, 30 epochs) on a worker and in a web process
    /// (a second web node on the same database, with its own in-memory queue and RunInWeb), one
    /// after the other on this machine; the figures go to the test output and artifacts/.
    /// </summary>
    [Fact]
    public async Task Training_wall_time_on_a_worker_and_in_the_web_process()
    {
        var request = new { personIds = cluster.People, head = new { epochs = 30, earlyStoppingPatience = 1000 } };
        var onWorker = (await cluster.WaitForSuccessAsync(await cluster.QueueAsync(request), JobTimeout)).AttemptHistory.Single();

        var settings = cluster.SharedSettings();
        settings["FacePortal__Jobs__Storage"] = "InMemory";
        await using var trainingWeb = await PortalServer.StartAsync(TestContext.Current.CancellationToken, settings, cluster.Web.DataDirectory);
        using var admin = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = trainingWeb.BaseAddress };
        await PortalSignIn.SignInAsync(admin, PortalServer.AdminName, PortalServer.AdminPassword);
        var inWeb = await WallTimeInWebAsync(admin, request);

        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var report = $"Training job wall time (transfer head, 3 people, 5 augmented copies, 30 epochs) on {cpu}, {Environment.ProcessorCount} cores: "
            + $"worker {onWorker.Duration!.Value.TotalSeconds:0.00} s ({onWorker.Worker}), web process {inWeb.Duration!.Value.TotalSeconds:0.00} s ({inWeb.Worker})";
        TestContext.Current.SendDiagnosticMessage(report);
        Console.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(Directory.CreateDirectory(Path.Combine(RepoLocations.Root, "artifacts")).FullName, "training-wall-time.txt"), report + "\n", TestContext.Current.CancellationToken);

        Assert.Contains(onWorker.Worker, ScaleOutCluster.WorkerNames);
        Assert.StartsWith("web@", inWeb.Worker, StringComparison.Ordinal);
    }

    private static async Task<AttemptView> WallTimeInWebAsync(HttpClient admin, object request)
    {
        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(admin, new Uri("/api/v1/training", UriKind.Relative), request, TestContext.Current.CancellationToken);
        var id = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content, TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        var deadline = DateTime.UtcNow + JobTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var job = JobView.From(await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(admin, $"/api/v1/training/{id}", TestContext.Current.CancellationToken));
            if (job.Status == "Succeeded")
            {
                return job.AttemptHistory.Single();
            }

            Assert.DoesNotContain(job.Status, new[] { "Failed", "Cancelled" });
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"The job in the web process did not finish within {JobTimeout.TotalMinutes:0} min.");
    }
}
