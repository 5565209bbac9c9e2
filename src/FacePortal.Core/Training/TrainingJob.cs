namespace FacePortal.Core.Training;

/// <summary>
/// A training run as the portal tracks it, independent of the job queue that executes it: what was
/// asked, how far it got, how it ended.
/// </summary>
public sealed class TrainingJob
{
    public const int MaxErrorLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string RequestedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public TrainingJobStatus Status { get; set; }

    /// <summary>The request: people and hyperparameters (stored as JSON, so a retry runs the same request).</summary>
    public required TrainingRequest Request { get; set; }

    /// <summary>0..1 within the current stage.</summary>
    public double Progress { get; set; }

    /// <summary>What the job is doing now, in words ("extracting features", "epoch 12 of 60").</summary>
    public string? Stage { get; set; }

    public string? Error { get; set; }

    /// <summary>How many times an executor started this job; above 1 means it was retried after a crash or restart.</summary>
    public int Attempts { get; set; }

    /// <summary>The queue's own id, for cancelling.</summary>
    public string? QueueJobId { get; set; }

    public bool CancelRequested { get; set; }

    public int? BestEpoch { get; set; }

    public double? ValidationAccuracy { get; set; }

    /// <summary>The outcome of a job that succeeded: confusion matrix, per-person metrics, timings (stored as JSON).</summary>
    public TrainingSummary? Result { get; set; }

    public List<TrainingEpoch> Epochs { get; set; } = [];

    /// <summary>Who ran each attempt, when, and how it ended.</summary>
    public List<TrainingAttempt> AttemptHistory { get; set; } = [];
}

/// <summary>One epoch of a job's history.</summary>
public sealed class TrainingEpoch
{
    public Guid JobId { get; set; }

    public int Epoch { get; set; }

    public double TrainLoss { get; set; }

    public double TrainAccuracy { get; set; }

    public double ValidationLoss { get; set; }

    public double ValidationAccuracy { get; set; }

    public double LearningRate { get; set; }
}

/// <summary>A trained recognizer: a checkpoint of a job, with the people it knows and how good it was.</summary>
public sealed class TrainedModel
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid JobId { get; set; }

    /// <summary>
    /// The gallery whose people the model learnt (a job trains on one gallery's people): it is put in use there,
    /// and recognition in another gallery never sees it.
    /// </summary>
    public Guid GalleryId { get; set; }

    /// <summary><c>best</c> (lowest validation loss) or <c>last</c>.</summary>
    public required string Kind { get; set; }

    public int Epoch { get; set; }

    public double ValidationLoss { get; set; }

    public double ValidationAccuracy { get; set; }

    /// <summary>The people the model names, in class order, as JSON [{ "id": ..., "name": ... }].</summary>
    public required string ClassesJson { get; set; }

    /// <summary>Softmax probability at or above which the model names someone (calibrated on validation faces).</summary>
    public double ProbabilityThreshold { get; set; }

    /// <summary>The checkpoint file (a zip of its description and weights), small enough to keep in the database.</summary>
    public required byte[] Checkpoint { get; set; }

    /// <summary>Whether it is the model in use in its gallery (at most one per gallery).</summary>
    public bool IsActive { get; set; }

    public DateTime CreatedAt { get; set; }
}
