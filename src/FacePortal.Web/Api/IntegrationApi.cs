using FacePortal.Web.CompreFace;
using FacePortal.Web.People;
using FacePortal.Web.Training;

namespace FacePortal.Web.Api;

/// <summary>
/// The one HTTP API, <c>/api/v1</c>: for other systems with application keys and for the portal's own
/// pages with the sign-in cookie (writes carry the antiforgery header), one handler per operation
/// (<see cref="ApiPolicies"/>). Every key is under its own rate limit; every error is answered as problem details.
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
        v1.MapFeedbackApiV1();
        v1.MapPeople();
        v1.MapTrainingApi();
        v1.MapApplicationsApi();
        v1.MapCompreFace();
        v1.MapGalleriesApi();
        return app;
    }
}
