using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace FacePortal.Web.Recognition;

/// <summary>
/// How many photo analyses run at once: each holds up to two 20 MB photos and their decoded pixels,
/// so without a bound a handful of callers could run the server out of memory. Per endpoint, at
/// most one per core with a short queue; per user, at most two at once. The rest are answered 429
/// with Retry-After before their body is read.
/// </summary>
public static class PhotoAnalysisLimits
{
    public const string Policy = "photo-analysis";
    public const int PerUser = 2;
    private const int RetryAfterSeconds = 2;

    public static IServiceCollection AddPhotoAnalysisLimits(this IServiceCollection services)
    {
        var perEndpoint = Math.Max(2, Environment.ProcessorCount);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => RateLimitPartition.GetConcurrencyLimiter(
                context.User.Identity?.Name ?? string.Empty,
                _ => new ConcurrencyLimiterOptions { PermitLimit = PerUser, QueueLimit = 0 }));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsPhotoAnalysis(context.GetEndpoint())
                    ? RateLimitPartition.GetConcurrencyLimiter(
                        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? string.Empty,
                        _ => new ConcurrencyLimiterOptions { PermitLimit = perEndpoint, QueueLimit = perEndpoint, QueueProcessingOrder = QueueProcessingOrder.OldestFirst })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = async (rejected, ct) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                    $"Too many photos are being analysed right now (at most {PerUser} at once per user). Try again in {RetryAfterSeconds} seconds.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    /// <summary>
    /// The per-endpoint bound without the per-user policy, for endpoints limited per caller some
    /// other way (the integration API, per application key).
    /// </summary>
    public static TBuilder BoundLikePhotoAnalysis<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(BoundedAnalysis.Instance);

    private static bool IsPhotoAnalysis(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Policy || endpoint?.Metadata.GetMetadata<BoundedAnalysis>() is not null;

    private sealed class BoundedAnalysis
    {
        public static readonly BoundedAnalysis Instance = new();
    }
}
