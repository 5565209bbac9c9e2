using System.ComponentModel.DataAnnotations;

namespace FacePortal.Core.Jobs;

/// <summary>Where Hangfire keeps its queue and who takes training jobs from it (<c>FacePortal:Jobs</c>).</summary>
public sealed class JobStorageOptions : IValidatableObject
{
    public const string Section = "FacePortal:Jobs";

    [EnumDataType(typeof(JobStorageKind))]
    public JobStorageKind Storage { get; set; } = JobStorageKind.InMemory;

    /// <summary>For a shared storage; empty means <c>ConnectionStrings:Jobs</c>, else the database's connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Training jobs run one at a time per worker process: training already uses every core.</summary>
    [Range(1, 64)]
    public int TrainingWorkers { get; set; } = 1;

    /// <summary>False: this web node never runs training jobs and leaves them to <c>./faceportal worker</c> processes.</summary>
    public bool RunInWeb { get; set; } = true;

    /// <summary>The name attempts record (the job page's "worker" column); empty means role@machine:pid.</summary>
    [MaxLength(100)]
    public string? WorkerName { get; set; }

    /// <summary>
    /// How long a stopping process waits for its job to hand itself back (SIGTERM) before it is
    /// aborted; the host's own shutdown timeout is set a little above it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// PostgreSQL storage: how long a job fetched by a worker that stopped answering (SIGKILL, lost
    /// machine) stays invisible before another worker takes it. A live worker keeps renewing it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often an idle worker looks for a job in a shared storage.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsShared => Storage != JobStorageKind.InMemory;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsShared && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                $"must be set when {nameof(Storage)} is {Storage} (or set ConnectionStrings:Jobs, or the database's connection string).", [nameof(ConnectionString)]);
        }

        if (!RunInWeb && !IsShared)
        {
            yield return new ValidationResult(
                $"is false, so training runs only in ./faceportal worker processes, which need a shared {nameof(Storage)} (Postgres or SqlServer), not {Storage}.", [nameof(RunInWeb)]);
        }
    }
}
