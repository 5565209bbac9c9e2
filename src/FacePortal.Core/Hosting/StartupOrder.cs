namespace FacePortal.Core.Hosting;

/// <summary>
/// Where each start-up step runs, in one list so the order can be read in one place. Gaps leave
/// room for a step between two others. A step that needs another's work runs after it.
/// </summary>
public static class StartupOrder
{
    /// <summary>A setting that cannot work for this kind of node (a worker on a job storage only it would see): refused before anything is touched.</summary>
    public const int JobStorage = 100;

    /// <summary>A read-only or full disk stops start-up with one line before anything half-starts on it.</summary>
    public const int DataDirectory = 200;

    /// <summary>Load the models (each file checked against its pinned hash) and their session tuning.</summary>
    public const int FaceModels = 300;

    /// <summary>Web: the warm-up inference the health report shows.</summary>
    public const int PipelineWarmup = 350;

    /// <summary>Migrate the database and remove files no row refers to.</summary>
    public const int Database = 400;

    /// <summary>Web: request buffers left by a process that died (nothing is listening yet, so none is in use).</summary>
    public const int RequestBuffers = 500;

    /// <summary>Web: the accounts' migrations, the roles and, on a new installation, the first admin.</summary>
    public const int Accounts = 600;

    /// <summary>The gallery index, the model in use and the recognition settings, from the migrated database.</summary>
    public const int Gallery = 700;
}
