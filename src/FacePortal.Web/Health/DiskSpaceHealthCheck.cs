namespace FacePortal.Web.Health;

/// <summary>
/// Unhealthy when the data directory's disk has less free space than one photo upload needs (the
/// largest photo the decoder accepts, <c>FacePortal:Pipeline:Limits:MaxBytes</c>): uploads fail
/// then, whatever else still works. Degraded below <see cref="HealthOptions.MinFreeDiskBytes"/>:
/// a warning before they start failing.
/// </summary>
public sealed class DiskSpaceHealthCheck(DataDirectory dataDirectory, HealthOptions options, FacePipelineOptions pipeline) : IHealthCheck
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
        var upload = pipeline.Limits.MaxBytes;
        if (free < upload)
        {
            data["uploadBytes"] = upload;
            return Task.FromResult(HealthCheckResult.Unhealthy(
                $"{summary}, less than one photo upload needs ({upload / MiB:N0} MB): uploads fail until space is freed.", data: data));
        }

        return Task.FromResult(free < options.MinFreeDiskBytes
            ? HealthCheckResult.Degraded(
                $"{summary}, less than the {options.MinFreeDiskBytes / MiB:N0} MB wanted ({HealthOptions.Section}:{nameof(HealthOptions.MinFreeDiskBytes)}).", data: data)
            : HealthCheckResult.Healthy($"{summary}.", data));
    }
}
