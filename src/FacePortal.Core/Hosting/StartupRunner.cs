using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace FacePortal.Core.Hosting;

/// <summary>
/// Runs the registered <see cref="IStartupStep"/>s by their order, one after the other, in
/// <see cref="StartingAsync"/>: before any hosted service starts (the web server, the job server,
/// training recovery), so each of them finds the work done. A failing step stops the start; the
/// ones after it do not run, and the failure names the step (<see cref="StartupStepException"/>).
/// </summary>
public sealed class StartupRunner(IEnumerable<IStartupStep> steps, ILogger<StartupRunner> logger) : IHostedLifecycleService
{
    /// <summary>The steps in the order they run; two steps in the same place are a registration mistake, refused.</summary>
    public IReadOnlyList<IStartupStep> Steps { get; } = Ordered(steps);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        foreach (var step in Steps)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                await step.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw new StartupStepException(step.Name, ex);
            }

            logger.LogInformation("Start-up step {Order} '{Step}' took {ElapsedMs:0} ms", step.Order, step.Name, clock.Elapsed.TotalMilliseconds);
        }

        logger.LogInformation("Start-up work done in {ElapsedMs:0} ms ({Steps} steps)", total.Elapsed.TotalMilliseconds, Steps.Count);
    }

    private static List<IStartupStep> Ordered(IEnumerable<IStartupStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var ordered = steps.OrderBy(s => s.Order).ToList();
        var clash = ordered.Zip(ordered.Skip(1)).FirstOrDefault(p => p.First.Order == p.Second.Order);
        if (clash.First is not null)
        {
            // Which ran first would depend on registration order, which the explicit order is there to replace.
            throw new InvalidOperationException(
                $"The start-up steps '{clash.First.Name}' and '{clash.Second.Name}' both have order {clash.First.Order}; give each its own place in StartupOrder.");
        }

        return ordered;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
