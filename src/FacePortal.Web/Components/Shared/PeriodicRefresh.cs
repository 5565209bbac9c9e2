using Microsoft.AspNetCore.Components;

namespace FacePortal.Web.Components.Shared;

/// <summary>
/// The one polling loop of the pages: while it is rendered, it calls <see cref="OnTick"/> every <see cref="Period"/> on the
/// page's dispatcher, and the page re-renders after each tick. It stops when the page closes or stops rendering it (a job
/// that has finished, say); the token each tick gets is cancelled then.
/// </summary>
public sealed class PeriodicRefresh : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    /// <summary>The time between ticks, read once when the loop starts.</summary>
    [Parameter, EditorRequired]
    public TimeSpan Period { get; set; }

    [Parameter, EditorRequired]
    public EventCallback<CancellationToken> OnTick { get; set; }

    protected override void OnAfterRender(bool firstRender)
    {
        // Starts after the first interactive render only: a prerendered page has no circuit to push updates to.
        if (firstRender)
        {
            _ = RunAsync(_stop.Token);
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await InvokeAsync(() => stop.IsCancellationRequested ? Task.CompletedTask : OnTick.InvokeAsync(stop));
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // The page closed, or no longer wants updates.
        }
        catch (Exception ex)
        {
            // A failed refresh fails the page as a failed render would, rather than stopping the updates unseen.
            await DispatchExceptionAsync(ex);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
