using FacePortal.Core.Configuration;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FacePortal.Core.Jobs;

/// <summary>
/// The job queue both kinds of process need, in one place: the storage (in memory, PostgreSQL or
/// SQL Server), Hangfire's client, and the server that runs training jobs here
/// (<see cref="TrainingJobServer"/>). The web app adds the dashboard and the queueing API on top.
/// </summary>
public static class JobsRegistration
{
    public static IServiceCollection AddTrainingJobs(this IServiceCollection services, JobHostRole role)
    {
        services.AddValidatedOptions<JobStorageOptions>(JobStorageOptions.Section)
            .PostConfigure<IConfiguration, IOptions<DatabaseOptions>>((options, configuration, database) =>
            {
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    var jobs = configuration.GetConnectionString("Jobs");
                    options.ConnectionString = !string.IsNullOrWhiteSpace(jobs) ? jobs
                        : options.IsShared && database.Value.Provider != DatabaseProvider.Sqlite ? database.Value.ConnectionString
                        : null;
                }
            });
        services.AddSingleton(sp => WorkerIdentity.For(role, sp.GetRequiredService<JobStorageOptions>().WorkerName));

        // Each host gets its own storage from DI. Hangfire's global JobStorage.Current is shared by
        // every host in a process, so one host's disposal would otherwise break the others.
        services.AddSingleton(sp => CreateStorage(sp.GetRequiredService<JobStorageOptions>()));

        // Hangfire's default activator is the process-wide JobActivator.Current, which the last host to
        // configure Hangfire owns: with several hosts in one process (the functional tests), a job
        // could be built from another host's, already disposed, services. Each host activates its own.
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, hangfire) => hangfire
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddSingleton<TrainingJobServer>();
        services.AddHostedService(sp => sp.GetRequiredService<TrainingJobServer>());

        // A stopping host waits for its jobs to hand themselves back, a little longer than they are given.
        services.AddOptions<HostOptions>().Configure<IOptions<JobStorageOptions>>((host, jobs) =>
        {
            var needed = jobs.Value.ShutdownTimeout + TimeSpan.FromSeconds(5);
            if (host.ShutdownTimeout < needed)
            {
                host.ShutdownTimeout = needed;
            }
        });
        return services;
    }

    private static JobStorage CreateStorage(JobStorageOptions options) => options switch
    {
        { Storage: JobStorageKind.Postgres, ConnectionString: { } connectionString } => CreatePostgresStorage(connectionString, options),
        { Storage: JobStorageKind.SqlServer, ConnectionString: { } connectionString } => new SqlServerStorage(connectionString, new SqlServerStorageOptions
        {
            PrepareSchemaIfNecessary = true,
            SlidingInvisibilityTimeout = options.InvisibilityTimeout,
            QueuePollInterval = options.QueuePollInterval,
        }),
        _ => new InMemoryStorage(new InMemoryStorageOptions()),
    };

    private static PostgreSqlStorage CreatePostgresStorage(string connectionString, JobStorageOptions options)
    {
        var storage = new PostgreSqlStorageOptions
        {
            PrepareSchemaIfNecessary = true,

            // A live worker keeps moving its job's fetch time on, so only a dead worker's job
            // reappears, InvisibilityTimeout after it last did.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = options.InvisibilityTimeout,
            QueuePollInterval = options.QueuePollInterval,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storage), storage);
    }
}
