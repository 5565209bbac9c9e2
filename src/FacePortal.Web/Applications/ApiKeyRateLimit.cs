using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace FacePortal.Web.Applications;

/// <summary>
/// Each key's own fixed window (<see cref="ApiKeyOptions"/>); refusals are 429 with Retry-After (the
/// seconds until the window turns) and are counted against the key. The pages' own calls with the
/// sign-in cookie (thumbnails and crops by the dozen) are not metered, except photo analyses, which
/// hold decoded photos: at most <see cref="PhotoAnalysisLimits.PerUser"/> at once per account.
/// </summary>
public sealed class ApiKeyRateLimit(ApiKeyOptions options, ApplicationKeyUsage usage) : IRateLimiterPolicy<string>
{
    public const string Policy = "api-key";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, ct) =>
    {
        var context = rejected.HttpContext;
        if (ApiKeyPrincipal.KeyId(context.User) is not { } id)
        {
            await PhotoAnalysisLimits.RefuseAsync(context);
            return;
        }

        usage.Throttled(id);

        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : options.RateLimitWindowSeconds;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            $"This key made more than {options.RateLimitPermits} requests in {options.RateLimitWindowSeconds} seconds. Try again in {retryAfter} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Rate limit reached").ExecuteAsync(context);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var user = httpContext.User;
        if (ApiKeyPrincipal.KeyId(user) is { } id)
        {
            return RateLimitPartition.GetFixedWindowLimiter($"key:{id}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.RateLimitPermits,
                Window = TimeSpan.FromSeconds(options.RateLimitWindowSeconds),
                QueueLimit = 0,
            });
        }

        return PhotoAnalysisLimits.IsPhotoAnalysis(httpContext.GetEndpoint())
            ? RateLimitPartition.GetConcurrencyLimiter(
                $"user:{user.FindFirstValue(ClaimTypes.NameIdentifier)}",
                _ => new ConcurrencyLimiterOptions { PermitLimit = PhotoAnalysisLimits.PerUser, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter(string.Empty);
    }
}
