using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace FacePortal.Web.Errors;

/// <summary>
/// What a request that throws gets (outside Development): API callers a problem-details answer,
/// 507 when the disk or database would not store data (<see cref="StorageFailure"/>) and 500
/// otherwise; pages the error page at <c>/error</c>, which <c>UseExceptionHandler</c> renders by
/// running the request again on that path.
/// </summary>
public sealed class PortalExceptionHandler(ILogger<PortalExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);

        // By now the request's path is the error page's; the feature keeps the original one.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (exception is DecodeMemoryBudgetException busy)
        {
            // Not a failure: every photo being decoded together would go over the shared memory budget.
            logger.LogInformation("Request {Method} {Path} refused: {Reason}", httpContext.Request.Method, path, busy.Message);
            await DecodeMemoryBusy.Answer(httpContext, busy);
            return true;
        }

        var failure = StorageFailure.Of(exception);
        var requestId = RequestId(httpContext);
        logger.LogWarning("Request {RequestId} ({Method} {Path}) failed: {Cause}", requestId, httpContext.Request.Method, path, failure?.Reason ?? "an unexpected error");

        if (ApiProblems.IsApi(path))
        {
            var problem = failure is null ? ApiProblems.ServerError(requestId) : ApiProblems.NotSaved(failure);
            await problem.ExecuteAsync(httpContext);
            return true;
        }

        if (failure is not null)
        {
            httpContext.Response.StatusCode = StatusCodes.Status507InsufficientStorage;
        }

        // The error page is re-executed with the request's method. It has no form to post to, so a
        // failed form post would be refused there (400, or 405 with no page at all): render it as a GET.
        httpContext.Request.Method = HttpMethods.Get;
        return false;
    }

    /// <summary>The id shown on the error page and in problem details (their <c>traceId</c>), and logged with the failure.</summary>
    public static string RequestId(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return Activity.Current?.Id ?? httpContext.TraceIdentifier;
    }
}
