using FacePortal.Core.Auditing;
using FacePortal.Core.Tests.Support;
using FacePortal.Core.Training;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Core.Tests.Training;

/// <summary>
/// Training jobs' records on Core's real services and a real SQLite file: queued, started as
/// numbered attempts by named workers, superseded, finished, failed, cancelled, handed back. No
/// training runs here: these are the records the runner and the dashboard rely on.
/// </summary>
public sealed class TrainingJobsTests
{
    private const string Actor = CoreServices.Actor;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_queued_job_keeps_its_request_waits_for_a_worker_and_is_audited()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var jobs = core.Get<TrainingJobs>();
        var people = new[] { Guid.NewGuid(), Guid.NewGuid() };

        var job = await jobs.QueueAsync(new TrainingRequest { Model = ModelKind.MetricTriplet, PersonIds = people, Augment = false }, Actor, Ct);
        await jobs.SetQueueJobIdAsync(job.Id, "hangfire-17", Ct);

        var stored = (await jobs.GetAsync(job.Id, Ct))!;
        Assert.Equal((TrainingJobStatus.Queued, "Waiting for a worker", 0, Actor), (stored.Status, stored.Stage, stored.Attempts, stored.RequestedBy));
        Assert.Equal((ModelKind.MetricTriplet, false), (stored.Request.Model, stored.Request.Augment));
        Assert.Equal(people, stored.Request.PersonIds);
        Assert.Equal("hangfire-17", stored.QueueJobId);
        Assert.Equal([job.Id], await jobs.UnfinishedAsync(Ct));
        var audit = await core.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.TrainingQueued, Ct));
        Assert.Equal(job.Id.ToString(), audit.SubjectId);
    }

    [Fact]
    public async Task A_restart_is_a_new_attempt_the_lost_one_is_recorded_and_its_late_result_is_dropped()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var jobs = core.Get<TrainingJobs>();
        var job = await jobs.QueueAsync(new TrainingRequest(), Actor, Ct);

        var first = await jobs.StartAsync(job.Id, "worker-a", Ct);
        core.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await jobs.StartAsync(job.Id, "worker-b", Ct);

        Assert.Equal((1, 2), (first!.Attempt, second!.Attempt));
        Assert.False(await jobs.OwnsAsync(job.Id, 1, Ct));
        Assert.True(await jobs.OwnsAsync(job.Id, 2, Ct));
        Assert.False(await jobs.CompleteAsync(job.Id, 1, Summary(), [], Ct));

        var stored = (await jobs.GetAsync(job.Id, Ct))!;
        Assert.Equal((TrainingJobStatus.Running, "Restarted (attempt 2)"), (stored.Status, stored.Stage));
        Assert.Equal(
            [(1, "worker-a", TrainingAttemptOutcome.Lost), (2, "worker-b", TrainingAttemptOutcome.Running)],
            stored.AttemptHistory.Select(a => (a.Number, a.Worker, a.Outcome)));
    }

    [Fact]
    public async Task Completing_the_current_attempt_stores_the_result_and_the_models_in_one_step()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var jobs = core.Get<TrainingJobs>();
        var job = await jobs.QueueAsync(new TrainingRequest(), Actor, Ct);
        var attempt = (await jobs.StartAsync(job.Id, "worker-a", Ct))!.Attempt;
        jobs.Report(job.Id, "Epoch 3 of 10", 0.3);
        Assert.Equal(("Epoch 3 of 10", 0.3), await core.QueryAsync(db => db.TrainingJobs.Select(j => ValueTuple.Create(j.Stage!, j.Progress)).SingleAsync(Ct)));
        core.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.True(await jobs.CompleteAsync(job.Id, attempt, Summary(), [Model("best"), Model("last")], Ct));

        var stored = (await jobs.GetAsync(job.Id, Ct))!;
        Assert.Equal((TrainingJobStatus.Succeeded, "Finished", 1.0, 4, 0.875), (stored.Status, stored.Stage, stored.Progress, stored.BestEpoch, stored.ValidationAccuracy));
        Assert.Equal(TimeSpan.FromMinutes(2), stored.FinishedAt - stored.StartedAt);
        Assert.Equal(TrainingAttemptOutcome.Succeeded, Assert.Single(stored.AttemptHistory).Outcome);
        Assert.Equal(["best", "last"], (await core.Get<TrainedModels>().ListAsync(job.Id, Ct)).Select(m => m.Kind).Order(StringComparer.Ordinal));
        Assert.Empty(await jobs.UnfinishedAsync(Ct));
        Assert.Null(await jobs.StartAsync(job.Id, "worker-b", Ct));
    }

    [Fact]
    public async Task A_job_cancelled_while_queued_never_starts_and_a_finished_one_cannot_be_cancelled()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var jobs = core.Get<TrainingJobs>();
        var job = await jobs.QueueAsync(new TrainingRequest(), Actor, Ct);
        await jobs.SetQueueJobIdAsync(job.Id, "hangfire-3", Ct);

        var cancelled = await jobs.RequestCancelAsync(job.Id, Actor, Ct);
        var again = await jobs.RequestCancelAsync(job.Id, Actor, Ct);

        Assert.Equal("hangfire-3", cancelled.Value);
        Assert.Equal("This job has already ended or does not exist.", again.Error);
        Assert.True(jobs.IsCancelRequested(job.Id));
        Assert.Null(await jobs.StartAsync(job.Id, "worker-a", Ct));
        var stored = (await jobs.GetAsync(job.Id, Ct))!;
        Assert.Equal((TrainingJobStatus.Cancelled, "Cancelled before it started.", 0), (stored.Status, stored.Stage, stored.Attempts));
    }

    [Fact]
    public async Task A_failure_is_kept_shortened_and_a_shutdown_hands_the_job_back_to_the_queue()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var jobs = core.Get<TrainingJobs>();
        var failing = await jobs.QueueAsync(new TrainingRequest(), Actor, Ct);
        var interrupted = await jobs.QueueAsync(new TrainingRequest(), Actor, Ct);
        await jobs.StartAsync(failing.Id, "worker-a", Ct);
        var attempt = (await jobs.StartAsync(interrupted.Id, "worker-a", Ct))!.Attempt;

        await jobs.FailAsync(failing.Id, new string('x', TrainingJob.MaxErrorLength + 500), Ct);
        await jobs.InterruptedAsync(interrupted.Id, attempt, Ct);

        var failed = (await jobs.GetAsync(failing.Id, Ct))!;
        Assert.Equal((TrainingJobStatus.Failed, TrainingJob.MaxErrorLength), (failed.Status, failed.Error!.Length));
        Assert.Equal(TrainingAttemptOutcome.Failed, Assert.Single(failed.AttemptHistory).Outcome);
        var handedBack = (await jobs.GetAsync(interrupted.Id, Ct))!;
        Assert.Equal((TrainingJobStatus.Queued, "Interrupted by a shutdown; it will start again"), (handedBack.Status, handedBack.Stage));
        Assert.Equal(TrainingAttemptOutcome.HandedBack, Assert.Single(handedBack.AttemptHistory).Outcome);
        Assert.Equal([interrupted.Id], await jobs.UnfinishedAsync(Ct));
        Assert.Equal(2, (await jobs.StartAsync(interrupted.Id, "worker-b", Ct))!.Attempt);
    }

    private static TrainingSummary Summary() => new(
        ModelKind.TransferHead, [], [], [], ValidationAccuracy: 0.875, MacroF1: 0.8, MaskedValidationAccuracy: 0.7, ProbabilityThreshold: 0.6f,
        GenuineAcceptRate: 0.9, FalseAcceptRate: 0.01, BestEpoch: 4, TrainFaces: 40, TrainSamples: 200, ValidationFaces: 10,
        FeatureSeconds: 1, TrainingSeconds: 2, StoppedEarly: null, Device: "cpu");

    private static TrainedModel Model(string kind) => new() { Kind = kind, ClassesJson = "[]", Checkpoint = [1, 2, 3] };
}
