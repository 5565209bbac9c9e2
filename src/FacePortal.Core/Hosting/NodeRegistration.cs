using FacePortal.Core.Jobs;
using FacePortal.Core.ScaleOut;
using FacePortal.Core.Telemetry;

namespace FacePortal.Core.Hosting;

/// <summary>
/// A FacePortal node, whichever kind: the web app and <c>./faceportal worker</c> are both assembled
/// here, so they share the same Core services, job storage, Redis, telemetry and start-up steps.
/// The role decides what differs: a worker refuses a job storage only it would see and keeps no
/// gallery in step with other nodes; the web app adds its own steps (warm-up, first admin, ...) on top.
/// </summary>
public static class NodeRegistration
{
    public static IServiceCollection AddFacePortalNode(this IServiceCollection services, IConfiguration configuration, string dataDirectory, JobHostRole role)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddFacePortalCore(dataDirectory);

        // A worker serves no recognition: it only publishes what it changes (a scheduled retrain putting a model in use).
        services.AddFacePortalRedis(configuration, followChanges: role == JobHostRole.Web);
        services.AddFacePortalTelemetry(configuration, role);

        // The storage and the training server: on a web node only with FacePortal:Jobs:RunInWeb (the default).
        // After Redis and telemetry: hosted services stop in reverse order, so its jobs hand themselves back while those still run.
        services.AddTrainingJobs(role);

        // The host logs a failed start with its stack trace ("Hosting failed to start") before the
        // entry point sees the exception; a failure it can explain is then told in one line
        // (StartupFailure), and any other is rethrown, so the runtime prints its stack trace: the log
        // adds nothing. Critical entries (a background service that stopped the host) are still written.
        services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(null, "Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical, null)));

        services.AddStartupStep<JobStorageStep>();
        services.AddStartupStep<DataDirectoryStep>();
        services.AddStartupStep<FaceModelsStep>();
        services.AddStartupStep<DatabaseStep>();
        services.AddStartupStep<GalleryStep>();
        return services;
    }
}
