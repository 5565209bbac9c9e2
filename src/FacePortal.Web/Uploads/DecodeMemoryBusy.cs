namespace FacePortal.Web.Uploads;

/// <summary>
/// The answer when the decode-memory budget shared by every photo endpoint stays spent: 429 with
/// Retry-After and the sentence, as problem details (the other refusals for load say the same way).
/// </summary>
public static class DecodeMemoryBusy
{
    public static Task Answer(HttpContext httpContext, DecodeMemoryBudgetException busy)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(busy);
        httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(busy.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Results.Problem(busy.Message, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(httpContext);
    }
}
