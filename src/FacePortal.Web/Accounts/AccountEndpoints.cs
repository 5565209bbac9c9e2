using FacePortal.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace FacePortal.Web.Accounts;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a form POST with an antiforgery token, so another site (or another port of this host) cannot sign a user out.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (HttpContext http, SignInManager<PortalUser> signIn) =>
        {
            if (await ApiAntiforgery.RefuseUnlessValidAsync(http) is { } refused)
            {
                return refused;
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/account/login");
        }).RequireAuthorization();
        return app;
    }
}
