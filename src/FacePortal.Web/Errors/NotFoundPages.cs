using Microsoft.AspNetCore.Diagnostics;

namespace FacePortal.Web.Errors;

/// <summary>
/// A page address that names nothing gets the portal's own "Page not found" page (NotFoundPage.razor, in the app's
/// layout) with status 404, instead of an empty 404 that the browser shows as its own error page. API addresses
/// are left to <see cref="ApiProblems.ForBareStatusCodes"/>, which answers them with problem details.
/// </summary>
public static class NotFoundPages
{
    public const string Path = "/not-found";

    public static WebApplication UseNotFoundPage(this WebApplication app)
    {
        app.UseWhen(IsPageRequest, pages =>
        {
            // A new scope: the first try already initialised Blazor's scoped services (navigation, authentication state).
            pages.UseStatusCodePagesWithReExecute(Path, createScopeForStatusCodePages: true);

            // Only 404 is re-executed here: a 401/403 (the job dashboard) or a 400 must not read "Page not found".
            pages.Use(async (context, next) =>
            {
                await next(context);
                if (context.Response.StatusCode != StatusCodes.Status404NotFound && context.Features.Get<IStatusCodePagesFeature>() is { } feature)
                {
                    feature.Enabled = false;
                }
            });
        });
        return app;
    }

    private static bool IsPageRequest(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) && !ApiProblems.IsApi(context.Request.Path);
}
