using Hangfire.Dashboard;

namespace FacePortal.Web.Training;

/// <summary>The Hangfire dashboard is for admins only: it shows job arguments and can delete or retry jobs.</summary>
public sealed class AdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Admin);
    }
}
