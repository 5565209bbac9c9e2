using FacePortal.Core.Training;
using FacePortal.Web.Accounts;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.SqlServer;

namespace FacePortal.Web.Training;

/// <summary>Hangfire (the queue and its Admin-only dashboard) and the training services.</summary>
public static class TrainingRegistration
{
    public const string DashboardPath = "/hangfire";

    public static IServiceCollection AddTraining(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("FacePortal:Jobs").Get<JobStorageOptions>() ?? new JobStorageOptions();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            options.ConnectionString = configuration.GetConnectionString("Jobs");
        }

        services.AddSingleton(options);
        services.AddSingleton<TrainingJobs>();
        services.AddSingleton<TrainingEpochs>();
        services.AddSingleton<TrainedModels>();
        services.AddSingleton<RetrainSchedules>();
        services.AddSingleton<TrainingJobRunner>();
        services.AddSingleton<TrainingQueue>();
        // Each app gets its own storage from DI. Hangfire's global JobStorage.Current is shared by
        // every host in a process, so one host's disposal would otherwise break the others.
        services.AddSingleton<JobStorage>(_ => options.Storage == JobStorageKind.SqlServer
            ? new SqlServerStorage(
                string.IsNullOrWhiteSpace(options.ConnectionString)
                    ? throw new InvalidOperationException("FacePortal:Jobs:Storage is SqlServer, so ConnectionStrings:Jobs (or FacePortal:Jobs:ConnectionString) must be set.")
                    : options.ConnectionString,
                new SqlServerStorageOptions { PrepareSchemaIfNecessary = true })
            : new InMemoryStorage(new InMemoryStorageOptions()));
        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer(server =>
        {
            server.ServerName = $"{Environment.MachineName}:training";
            // Recurring jobs may land on Hangfire's default queue whatever queue they name; this server takes both.
            server.Queues = [TrainingQueue.QueueName, "default"];
            server.WorkerCount = options.TrainingWorkers;
        });
        services.AddSingleton<ScheduledRetrain>();
        services.AddSingleton<RetrainScheduler>();
        services.AddHostedService<TrainingRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<RetrainScheduler>());
        return services;
    }

    public static IEndpointConventionBuilder MapTrainingDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new AdminDashboardFilter()],
            DashboardTitle = "FacePortal jobs",
            AppPath = "/training",
        }).RequireAuthorization(Policies.Admin);
}
