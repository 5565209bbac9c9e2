using Microsoft.AspNetCore.Diagnostics;

namespace FacePortal.Web.Api;

/// <summary>The problem-details answers every API feature shares.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string what) => TypedResults.Problem($"No such {what}.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>400 with the sentence that says what to send instead.</summary>
    public static ProblemHttpResult BadRequest(string detail, string? title = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title);

    /// <summary>409: the request is understood but conflicts with the current state.</summary>
    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict);

    /// <summary>507: the request was fine, but the disk or database would not store it.</summary>
    public static ProblemHttpResult NotSaved(StorageFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return TypedResults.Problem(
            $"The server could not save data: {failure.Reason}. Ask an administrator to free disk space or make the data directory writable.",
            statusCode: StatusCodes.Status507InsufficientStorage);
    }

    /// <summary>500 for a request that failed in a way we did not foresee; the details are in the log, under the request id.</summary>
    public static ProblemHttpResult ServerError(string requestId) => TypedResults.Problem(
        $"Something went wrong on the server. It was logged with request id {requestId}; an administrator can look it up.",
        statusCode: StatusCodes.Status500InternalServerError);

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    /// <summary>For <c>UseStatusCodePages</c>: API callers get problem details for bare status codes (401, 403, 404, 413...).</summary>
    public static async Task ForBareStatusCodes(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsApi(context.HttpContext.Request.Path))
        {
            await Results.Problem(statusCode: context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext);
        }
    }
}
