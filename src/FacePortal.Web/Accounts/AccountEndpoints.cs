using FacePortal.Web.Security;

namespace FacePortal.Web.Accounts;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a form POST with an antiforgery token, so another site (or another port of this host) cannot sign a user out.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async Task<Results<RedirectHttpResult, ProblemHttpResult>> (HttpContext http, SignInManager<PortalUser> signIn, UserManager<PortalUser> users, AccountSessions sessions) =>
        {
            if (await ApiAntiforgery.RefuseUnlessValidAsync(http) is { } refused)
            {
                return refused;
            }

            // Deleting the cookie in this browser is not enough: a copy of it (another tab's export, a
            // stolen one) would stay valid. A new security stamp makes every cookie issued before it
            // fail the check each request makes (on every node, as the stamp is in the database), so
            // signing out signs this account out everywhere.
            if (await users.GetUserAsync(http.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);

                // Open live streams and circuits hold no cookie to re-check: they end now.
                sessions.End(user.Id);
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        }).RequireAuthorization();
        return app;
    }
}
