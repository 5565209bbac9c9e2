using FacePortal.Core.Hosting;
using FacePortal.Core.Jobs;
using FacePortal.Shared.Installation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FacePortal.Cli.Commands;

/// <summary>
/// worker [--data DIR] [--workers N] [--name NAME]: a process that runs training jobs from the
/// shared job storage and serves nothing (no web UI). Settings as the web app reads them
/// (environment: <c>Database__Provider</c>, <c>ConnectionStrings__FacePortal</c>,
/// <c>FacePortal__Jobs__Storage</c>, ...). SIGTERM hands the job in flight back to the queue within
/// <c>FacePortal__Jobs__ShutdownTimeout</c>; another worker finishes it. Before the training server
/// starts, the node's start-up steps run as in the web app (<see cref="NodeRegistration"/>): the job
/// storage must be shared, the data directory writable, the models verified, the schema up to date.
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

        // The same node as the web app's, so the same start-up steps run before the training server starts.
        builder.Services.AddFacePortalNode(builder.Configuration, DataDirectoryArgument.From(args), JobHostRole.Worker);

        try
        {
            // Building reads settings too (the shutdown timeout follows FacePortal:Jobs:ShutdownTimeout), so a wrong one is told here as well.
            using var host = builder.Build();
            await host.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (StartupFailure.Explain(ex) is { } reason)
        {
            await Console.Error.WriteLineAsync($"error: the worker cannot start: {reason}").ConfigureAwait(false);
            return 2;
        }
    }
}
