using System.ComponentModel.DataAnnotations;

namespace FacePortal.Web.Training;

public enum JobStorageKind
{
    /// <summary>Jobs live in this process only; unfinished jobs are queued again at start-up from our database.</summary>
    InMemory,

    SqlServer,
}

/// <summary>Where Hangfire keeps its queue (<c>FacePortal:Jobs</c>).</summary>
public sealed class JobStorageOptions : IValidatableObject
{
    public const string Section = "FacePortal:Jobs";

    [EnumDataType(typeof(JobStorageKind))]
    public JobStorageKind Storage { get; set; } = JobStorageKind.InMemory;

    /// <summary>For SQL Server (or <c>ConnectionStrings:Jobs</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Training jobs run one at a time per worker process: training already uses every core.</summary>
    [Range(1, 64)]
    public int TrainingWorkers { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Storage == JobStorageKind.SqlServer && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult($"must be set when {nameof(Storage)} is {Storage} (or set ConnectionStrings:Jobs).", [nameof(ConnectionString)]);
        }
    }
}
