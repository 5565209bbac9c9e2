using Bunit;
using FacePortal.Web.Components.Shared;
using Microsoft.JSInterop;

namespace FacePortal.Web.Tests.Components.Shared;

public sealed class CameraScriptTests : BunitContext
{
    private const string Path = "./js/webcam-capture.js";

    [Fact]
    public async Task Imports_the_script_on_first_start_and_keeps_the_chosen_camera()
    {
        var module = JSInterop.SetupModule(Path);
        module.Setup<CameraStart>("start", _ => true).SetResult(new CameraStart(640, 480, [new("cam-a", "Front"), new("cam-b", "Back")]));
        module.SetupVoid("stop").SetVoidResult();
        await using var camera = new CameraScript(JSInterop.JSRuntime, Path);

        await camera.InvokeVoidAsync("setFrameWidth", 320);
        Assert.False(camera.IsLoaded);
        var started = await camera.StartAsync("video", "overlay", new { deviceId = camera.DeviceId });
        camera.DeviceId = "cam-b";
        await camera.StartAsync("video", "overlay", new { deviceId = camera.DeviceId });

        Assert.True(camera.IsLoaded);
        Assert.Equal((640, 480), (started.Width, started.Height));
        Assert.Equal(["Front", "Back"], camera.Cameras.Select(c => c.Label));
        Assert.Equal("cam-b", camera.DeviceId);
        Assert.Single(JSInterop.Invocations, i => i.Identifier == "import");
        Assert.Equal(2, module.Invocations["start"].Count);
        Assert.Empty(module.Invocations["setFrameWidth"]);
    }

    [Fact]
    public async Task Closing_after_the_browser_has_gone_does_not_fail_the_page()
    {
        var module = JSInterop.SetupModule(Path);
        module.Setup<CameraStart>("start", _ => true).SetResult(new CameraStart(640, 480, [new("cam-a", "Front")]));
        module.SetupVoid("stop").SetException(new JSDisconnectedException("The circuit is gone."));
        var camera = new CameraScript(JSInterop.JSRuntime, Path);
        await camera.StartAsync("video", "overlay", new { deviceId = camera.DeviceId });

        await camera.DisposeAsync();

        Assert.Equal("cam-a", camera.DeviceId);
        Assert.Single(module.Invocations["stop"]);
    }

    [Fact]
    public void The_reason_is_the_first_line_of_a_script_error()
    {
        Assert.Equal("Permission denied.", CameraScript.Reason(new JSException("Permission denied.\nError: at openCamera (camera.js:8)")));
    }
}
