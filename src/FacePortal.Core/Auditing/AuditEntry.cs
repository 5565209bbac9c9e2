namespace FacePortal.Core.Auditing;

/// <summary>One admin action, kept after its subject is gone so deletions can be accounted for.</summary>
public sealed class AuditEntry
{
    /// <summary>The actor for work nobody asked for in person: start-up, schedules, the command line.</summary>
    public const string SystemActor = "system";

    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>User name of whoever acted, or "system".</summary>
    public required string Actor { get; set; }

    public required string Action { get; set; }

    public string? SubjectId { get; set; }

    /// <summary>What was done, in words an auditor reads (names, counts, file sizes).</summary>
    public required string Details { get; set; }
}
