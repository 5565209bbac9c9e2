using FacePortal.Core.Configuration;
using FacePortal.Web.Accounts;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.SqlServer;

namespace FacePortal.Web.Training;

/// <summary>Hangfire (the queue and its Admin-only dashboard), queueing and scheduling; the job store and runner are Core's.</summary>
public static class TrainingRegistration
{
    public const string DashboardPath = "/hangfire";

    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddValidatedOptions<JobStorageOptions>(JobStorageOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    options.ConnectionString = configuration.GetConnectionString("Jobs");
                }
            });

        services.AddSingleton<TrainingQueue>();

        // Each app gets its own storage from DI. Hangfire's global JobStorage.Current is shared by
        // every host in a process, so one host's disposal would otherwise break the others.
        services.AddSingleton<JobStorage>(sp => sp.GetRequiredService<JobStorageOptions>() is { Storage: JobStorageKind.SqlServer, ConnectionString: { } connectionString }
            ? new SqlServerStorage(connectionString, new SqlServerStorageOptions { PrepareSchemaIfNecessary = true })
            : new InMemoryStorage(new InMemoryStorageOptions()));
        // Hangfire's default activator is the process-wide JobActivator.Current, which the last app to
        // configure Hangfire owns: with several apps in one process (the functional tests), a job
        // could be built from another app's, already disposed, services. Each app activates its own.
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((sp, server) =>
        {
            server.ServerName = $"{Environment.MachineName}:training";
            // Recurring jobs may land on Hangfire's default queue whatever queue they name; this server takes both.
            server.Queues = [TrainingQueue.QueueName, "default"];
            server.WorkerCount = sp.GetRequiredService<JobStorageOptions>().TrainingWorkers;
        });
        services.AddSingleton<RetrainScheduler>();
        services.AddHostedService<TrainingRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<RetrainScheduler>());
        return services;
    }

    public static IEndpointRouteBuilder MapTraining(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTrainingApi();
        endpoints.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new AdminDashboardFilter()],
            DashboardTitle = "FacePortal jobs",
            AppPath = "/training",
        }).RequireAuthorization(Policies.Admin);
        return endpoints;
    }
}
