using FacePortal.Web.Applications;

namespace FacePortal.Web.Integration;

/// <summary>
/// The versioned integration API under <c>/api/v1</c>, for other systems with application keys:
/// one group per feature, each endpoint requiring its scope, every caller under its own rate
/// limit, every error answered as problem details.
/// </summary>
public static class IntegrationApi
{
    public const string Prefix = "/api/v1";

    public static IEndpointRouteBuilder MapIntegrationApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup(Prefix)
            .RequireRateLimiting(ApiKeyRateLimit.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        v1.MapAnalysisApi();
        v1.MapPeopleApiV1();
        v1.MapFeedbackApiV1();
        app.MapApplicationsApi();
        return app;
    }
}
