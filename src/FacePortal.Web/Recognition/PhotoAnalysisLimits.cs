using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace FacePortal.Web.Recognition;

/// <summary>
/// How many photo analyses run at once: each holds up to two 20 MB photos and their decoded pixels,
/// so without a bound a handful of callers could run the server out of memory. Per endpoint, at
/// most one per core with a short queue; per signed-in account, at most two at once (<see cref="Applications.ApiKeyRateLimit"/>,
/// which meters keys by their own window). The rest are answered 429 with Retry-After before their body is read.
/// </summary>
public static class PhotoAnalysisLimits
{
    public const int PerUser = 2;
    private const int RetryAfterSeconds = 2;

    public static IServiceCollection AddPhotoAnalysisLimits(this IServiceCollection services)
    {
        var perEndpoint = Math.Max(2, Environment.ProcessorCount);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsPhotoAnalysis(context.GetEndpoint())
                    ? RateLimitPartition.GetConcurrencyLimiter(
                        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? string.Empty,
                        _ => new ConcurrencyLimiterOptions { PermitLimit = perEndpoint, QueueLimit = perEndpoint, QueueProcessingOrder = QueueProcessingOrder.OldestFirst })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = (rejected, _) => new ValueTask(RefuseAsync(rejected.HttpContext));
        });
        return services;
    }

    /// <summary>Marks an endpoint that analyses photos: bounded per endpoint here, and per account by the API's limiter.</summary>
    public static TBuilder BoundLikePhotoAnalysis<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(BoundedAnalysis.Instance);

    public static bool IsPhotoAnalysis(Endpoint? endpoint) => endpoint?.Metadata.GetMetadata<BoundedAnalysis>() is not null;

    /// <summary>429 with Retry-After and a sentence.</summary>
    public static Task RefuseAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(
            $"Too many photos are being analysed right now (at most {PerUser} at once per user). Try again in {RetryAfterSeconds} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
    }

    private sealed class BoundedAnalysis
    {
        public static readonly BoundedAnalysis Instance = new();
    }
}
