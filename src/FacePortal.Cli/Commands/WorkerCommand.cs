using FacePortal.Core;
using FacePortal.Core.Data;
using FacePortal.Core.Jobs;
using FacePortal.Core.ScaleOut;
using FacePortal.Shared.Faces;
using FacePortal.Shared.Installation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FacePortal.Cli.Commands;

/// <summary>
/// worker [--data DIR] [--workers N] [--name NAME]: a process that runs training jobs from the
/// shared job storage and serves nothing (no web UI). Settings as the web app reads them
/// (environment: <c>Database__Provider</c>, <c>ConnectionStrings__FacePortal</c>,
/// <c>FacePortal__Jobs__Storage</c>, ...). SIGTERM hands the job in flight back to the queue within
/// <c>FacePortal__Jobs__ShutdownTimeout</c>; another worker finishes it.
/// </summary>
public static class WorkerCommand
{
    public static async Task<int> RunAsync(CommandArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = InstallLocation.Current.ApplicationFolder });
        var overrides = new Dictionary<string, string?>();
        if (args.Optional("workers") is { } workers)
        {
            overrides[$"{JobStorageOptions.Section}:{nameof(JobStorageOptions.TrainingWorkers)}"] = workers;
        }

        if (args.Optional("name") is { } name)
        {
            overrides[$"{JobStorageOptions.Section}:{nameof(JobStorageOptions.WorkerName)}"] = name;
        }

        builder.Configuration.AddInMemoryCollection(overrides);

        // As the web app's appsettings.json has it: a line per SQL command would slow every epoch down.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Services.AddFacePortalCore(DataDirectoryArgument.From(args));
        builder.Services.AddTrainingJobs(JobHostRole.Worker);
        builder.Services.AddFacePortalRedis(builder.Configuration, followChanges: false);
        builder.Services.AddHostedService<WorkerStartup>();

        using var host = builder.Build();
        try
        {
            await host.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is Microsoft.Extensions.Options.OptionsValidationException or WorkerStartupException)
        {
            await Console.Error.WriteLineAsync($"error: the worker cannot start: {ex.Message}").ConfigureAwait(false);
            return 2;
        }
    }

    /// <summary>
    /// Before the training server starts: refuse a storage only this process would see, load and
    /// verify the models, and bring the database schema up to date (a worker may start first).
    /// </summary>
    private sealed class WorkerStartup(IServiceProvider services, JobStorageOptions jobs, WorkerIdentity identity, ILogger<WorkerStartup> logger) : IHostedLifecycleService
    {
        public async Task StartingAsync(CancellationToken cancellationToken)
        {
            if (!jobs.IsShared)
            {
                throw new WorkerStartupException(
                    $"FacePortal__Jobs__Storage is {jobs.Storage}: a worker needs the storage the web app uses, Postgres or SqlServer (with ConnectionStrings__Jobs or the database's connection string).");
            }

            _ = services.GetRequiredService<FacePipeline>();
            var databases = services.GetRequiredService<IDbContextFactory<FacePortalDbContext>>();
            await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            logger.LogInformation(
                "Worker {Worker} ready: database {Provider}, job storage {Storage}, {Workers} training worker(s), shutdown timeout {Timeout}",
                identity.Name, services.GetRequiredService<DatabaseOptions>().Provider, jobs.Storage, jobs.TrainingWorkers, jobs.ShutdownTimeout);
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>A worker setting that cannot work, told in one line.</summary>
public sealed class WorkerStartupException(string message) : Exception(message);
