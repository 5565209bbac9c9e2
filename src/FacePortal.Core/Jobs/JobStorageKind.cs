namespace FacePortal.Core.Jobs;

public enum JobStorageKind
{
    /// <summary>Jobs live in this process only; unfinished jobs are queued again at start-up from our database.</summary>
    InMemory,

    /// <summary>Hangfire.PostgreSql: shared by every web node and worker.</summary>
    Postgres,

    /// <summary>Hangfire.SqlServer: shared by every web node and worker.</summary>
    SqlServer,
}
