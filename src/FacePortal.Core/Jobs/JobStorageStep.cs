using FacePortal.Core.Hosting;

namespace FacePortal.Core.Jobs;

/// <summary>
/// Refuses a worker whose job storage only it would see (in memory: the web app's jobs would never
/// reach it), and tells which job host this node is.
/// </summary>
public sealed class JobStorageStep(JobStorageOptions jobs, WorkerIdentity identity, ILogger<JobStorageStep> logger) : IStartupStep
{
    public string Name => "check the job storage";

    public int Order => StartupOrder.JobStorage;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        if (identity.Role == JobHostRole.Worker && !jobs.IsShared)
        {
            throw new StartupCheckException(
                $"FacePortal__Jobs__Storage is {jobs.Storage}: a worker needs the storage the web app uses, Postgres or SqlServer (with ConnectionStrings__Jobs or the database's connection string).");
        }

        logger.LogInformation(
            "Job host {Worker} ({Role}): job storage {Storage}, {Workers} training worker(s), shutdown timeout {Timeout}",
            identity.Name, identity.Role, jobs.Storage, jobs.TrainingWorkers, jobs.ShutdownTimeout);
        return Task.CompletedTask;
    }
}
