namespace FacePortal.Core.Jobs;

/// <summary>The kind of process that hosts the job queue.</summary>
public enum JobHostRole
{
    /// <summary>The web app: queues jobs, and runs them too unless <c>FacePortal:Jobs:RunInWeb</c> is false.</summary>
    Web,

    /// <summary><c>./faceportal worker</c>: runs training jobs, serves nothing.</summary>
    Worker,
}
