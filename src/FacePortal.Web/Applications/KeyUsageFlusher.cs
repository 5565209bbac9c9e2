namespace FacePortal.Web.Applications;

/// <summary>Writes the keys' pending request counts (<see cref="ApplicationKeyUsage"/>) periodically and once more when the app stops.</summary>
public sealed class KeyUsageFlusher(ApplicationKeyUsage usage, ApiKeyOptions options, ILogger<KeyUsageFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.UsageFlushSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync flushes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        try
        {
            await usage.FlushAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The counts stay pending and go with the next flush.
            logger.LogWarning(e, "Could not write the application keys' request counts; they are kept for the next try");
        }
    }
}
