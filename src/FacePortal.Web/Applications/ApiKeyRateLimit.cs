using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using FacePortal.Core.Applications;
using Microsoft.AspNetCore.RateLimiting;

namespace FacePortal.Web.Applications;

/// <summary>
/// Each key's own fixed window (<see cref="ApiKeyOptions"/>); a signed-in admin trying the API gets a
/// window of their own. Refusals are 429 with Retry-After (the seconds until the window turns) and
/// are counted against the key.
/// </summary>
public sealed class ApiKeyRateLimit(ApiKeyOptions options, ApplicationKeyUsage usage) : IRateLimiterPolicy<string>
{
    public const string Policy = "api-key";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, ct) =>
    {
        var context = rejected.HttpContext;
        if (ApiKeyPrincipal.KeyId(context.User) is { } id)
        {
            usage.Throttled(id);
        }

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
        var partition = ApiKeyPrincipal.KeyId(user) is { } id ? $"key:{id}" : $"user:{user.FindFirstValue(ClaimTypes.NameIdentifier)}";
        return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.RateLimitPermits,
            Window = TimeSpan.FromSeconds(options.RateLimitWindowSeconds),
            QueueLimit = 0,
        });
    }
}
