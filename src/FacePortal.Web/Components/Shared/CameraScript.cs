using Microsoft.JSInterop;

namespace FacePortal.Web.Components.Shared;

/// <summary>
/// A page's camera script (<c>wwwroot/js/live-recognition.js</c> or <c>webcam-capture.js</c>, both on camera.js): imported on
/// first start, it remembers the cameras found and the one chosen, and when the page closes it stops the camera and lets
/// go of the script, also when the browser has already gone.
/// </summary>
public sealed class CameraScript(IJSRuntime js, string path) : IAsyncDisposable
{
    private IJSObjectReference? _module;

    public List<CameraInfo> Cameras { get; private set; } = [];

    /// <summary>The camera chosen; the first one found until the user chooses.</summary>
    public string? DeviceId { get; set; }

    public bool IsLoaded => _module is not null;

    /// <summary>Calls the script's <c>start(video, overlay, options, ...)</c>.</summary>
    public async Task<CameraStart> StartAsync(params object?[] args)
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", path);
        var started = await _module.InvokeAsync<CameraStart>("start", args);
        Cameras = started.Cameras;
        DeviceId ??= Cameras.FirstOrDefault()?.Id;
        return started;
    }

    /// <summary>Calls one of the script's other functions; nothing happens before the first start.</summary>
    public async Task InvokeVoidAsync(string identifier, params object?[] args)
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync(identifier, args);
        }
    }

    /// <summary>Calls one of the script's other functions for its answer; the default before the first start.</summary>
    public async Task<T?> InvokeAsync<T>(string identifier, params object?[] args) =>
        _module is null ? default : await _module.InvokeAsync<T>(identifier, args);

    public Task StopAsync() => InvokeVoidAsync("stop");

    /// <summary>The sentence of a script error, without the JavaScript stack that follows it.</summary>
    public static string Reason(JSException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Message.Split('\n')[0];
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
        {
            return;
        }

        try
        {
            await _module.InvokeVoidAsync("stop");
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; the browser stopped the camera with the page.
        }
    }
}
