using FacePortal.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FacePortal.Web.Hosting;

/// <summary>
/// Degraded when the data directory's disk has less free space than <see cref="HealthOptions.MinFreeDiskBytes"/>:
/// a warning before uploads start failing (a disk that is full already fails the write checks).
/// </summary>
public sealed class DiskSpaceHealthCheck(DataDirectory dataDirectory, HealthOptions options) : IHealthCheck
{
    private const double MiB = 1024 * 1024;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        long free;
        try
        {
            free = new DriveInfo(dataDirectory.Path).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The free space of {dataDirectory.Path} cannot be read: {ex.Message}", ex));
        }

        var data = new Dictionary<string, object>
        {
            ["path"] = dataDirectory.Path,
            ["freeBytes"] = free,
            ["minFreeBytes"] = options.MinFreeDiskBytes,
        };
        var summary = $"{free / MiB:N0} MB free on the data directory's disk";
        return Task.FromResult(free < options.MinFreeDiskBytes
            ? HealthCheckResult.Degraded(
                $"{summary}, less than the {options.MinFreeDiskBytes / MiB:N0} MB wanted ({HealthOptions.Section}:{nameof(HealthOptions.MinFreeDiskBytes)}).", data: data)
            : HealthCheckResult.Healthy($"{summary}.", data));
    }
}
