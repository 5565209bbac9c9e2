using FacePortal.Core.Jobs;
using FacePortal.Web.Accounts;
using Hangfire;

namespace FacePortal.Web.Training;

/// <summary>Hangfire's Admin-only dashboard, queueing and scheduling; the job storage, the training server and the runner are Core's.</summary>
public static class TrainingRegistration
{
    public const string DashboardPath = "/hangfire";

    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        // The storage, the client and this node's training server (none with RunInWeb=false) are Core's, shared with ./faceportal worker.
        services.AddTrainingJobs(JobHostRole.Web);
        services.AddSingleton<TrainingQueue>();
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
