using FacePortal.Core.Jobs;
using Hangfire;

namespace FacePortal.Web.Training;

/// <summary>Hangfire's Admin-only dashboard, queueing and scheduling; the job storage, the training server and the runner are Core's.</summary>
public static class TrainingRegistration
{
    public const string DashboardPath = "/hangfire";

    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        // The storage, the client and this node's training server (none with RunInWeb=false) are the node's (AddFacePortalNode), shared with ./faceportal worker.
        services.AddSingleton<TrainingQueue>();
        services.AddSingleton<RetrainScheduler>();
        services.AddHostedService<TrainingRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<RetrainScheduler>());
        return services;
    }

    public static IEndpointRouteBuilder MapTraining(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new AdminDashboardFilter()],
            DashboardTitle = "FacePortal jobs",
            AppPath = "/training",
        }).RequireAuthorization(Policies.Admin).Add(StatsAnswersOnlyItsOwnRequest);
        return endpoints;
    }

    /// <summary>
    /// The dashboard's /stats is the page script's POST of a form listing the figures it wants;
    /// Hangfire reads that form without checking it is there, so a GET (no form) or an empty POST
    /// ended in a 500. Those are answered here as what they are, before Hangfire sees them.
    /// </summary>
    private static void StatsAnswersOnlyItsOwnRequest(EndpointBuilder endpoint)
    {
        var hangfire = endpoint.RequestDelegate;
        if (hangfire is null)
        {
            return;
        }

        endpoint.RequestDelegate = async context =>
        {
            var request = context.Request;
            if (request.Path.Equals(DashboardPath + "/stats", StringComparison.OrdinalIgnoreCase))
            {
                if (!HttpMethods.IsPost(request.Method))
                {
                    context.Response.Headers.Allow = "POST";
                    context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                    return;
                }

                if (!request.HasFormContentType || !(await request.ReadFormAsync(context.RequestAborted)).ContainsKey("metrics[]"))
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await context.Response.WriteAsync("Post the figures wanted as a form with one or more metrics[] fields.", context.RequestAborted);
                    return;
                }
            }

            await hangfire(context);
        };
    }
}
