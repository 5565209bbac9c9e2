namespace FacePortal.Web.Uploads;

/// <summary>
/// Removes every request buffer before the server listens: no request is using one yet, so each
/// was left by a process that died. <see cref="StorageSweeper"/> then removes stale ones periodically.
/// </summary>
public sealed class RequestBufferSweepStep(IServiceProvider services) : IStartupStep
{
    public string Name => "remove leftover request buffers";

    public int Order => StartupOrder.RequestBuffers;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<StorageSweeper>().SweepRequestBuffers(DateTime.MaxValue);
        return Task.CompletedTask;
    }
}
