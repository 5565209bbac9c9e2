namespace FacePortal.Web.Training;

public enum JobStorageKind
{
    /// <summary>Jobs live in this process only; unfinished jobs are queued again at start-up from our database.</summary>
    InMemory,

    SqlServer,
}

/// <summary>Where Hangfire keeps its queue (<c>FacePortal:Jobs</c>).</summary>
public sealed class JobStorageOptions
{
    public JobStorageKind Storage { get; set; } = JobStorageKind.InMemory;

    /// <summary>For SQL Server (or <c>ConnectionStrings:Jobs</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Training jobs run one at a time per worker process: training already uses every core.</summary>
    public int TrainingWorkers { get; set; } = 1;
}
