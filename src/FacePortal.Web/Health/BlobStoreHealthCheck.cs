namespace FacePortal.Web.Health;

/// <summary>Healthy when a small file can be written to the blob store's folder, flushed and deleted.</summary>
public sealed class BlobStoreHealthCheck(BlobStore blobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["path"] = blobs.Root };
        try
        {
            await WriteProbe.RunAsync(blobs.Root, cancellationToken);
            return HealthCheckResult.Healthy("The blob store can be written.", data);
        }
        catch (Exception ex) when (StorageFailure.Of(ex) is { } failure)
        {
            return HealthCheckResult.Unhealthy($"The blob store cannot be written: {failure.Reason}.", ex, data);
        }
    }
}
