namespace FacePortal.Core.Training;

/// <summary>
/// One execution of a training job by one worker: who ran it, when, and how it ended. A job
/// handed back at a shutdown or lost with a killed worker has several; the job page lists them.
/// </summary>
public sealed class TrainingAttempt
{
    public const int MaxWorkerLength = 200;

    public Guid JobId { get; set; }

    /// <summary>1 for the first attempt; matches <see cref="TrainingJob.Attempts"/> for the latest.</summary>
    public int Number { get; set; }

    /// <summary>The process that ran it (<see cref="Jobs.WorkerIdentity"/>): a configured name, else role@machine:pid.</summary>
    public required string Worker { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public TrainingAttemptOutcome Outcome { get; set; }
}
