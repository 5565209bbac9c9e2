using Microsoft.AspNetCore.Diagnostics;

namespace FacePortal.Web.Hosting;

/// <summary>The problem-details answers every API feature shares.</summary>
public static class ApiProblems
{
    public static IResult NotFound(string what) => Results.Problem($"No such {what}.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>For <c>UseStatusCodePages</c>: API callers get problem details for bare status codes (401, 403, 404, 413...).</summary>
    public static async Task ForBareStatusCodes(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext);
        }
    }
}
