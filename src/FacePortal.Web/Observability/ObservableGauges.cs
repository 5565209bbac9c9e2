namespace FacePortal.Web.Observability;

/// <summary>
/// Creates, as the host starts, the metrics whose gauges report by themselves when scraped (the
/// gallery's size, the jobs by state), so they are there before anyone recognises or trains. Not as
/// meter-provider instrumentation: the provider is built as soon as any metrics listener is, which can
/// be before the settings are validated, and these need the database's.
/// </summary>
public sealed class ObservableGauges(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<RecognitionMetrics>();
        services.GetRequiredService<TrainingMetrics>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
