namespace FacePortal.Web.Components.Shared;

/// <summary>What <c>wwwroot/js/camera.js</c> reports when a camera opens: its frame size and every camera on the machine.</summary>
public sealed record CameraStart(int Width, int Height, List<CameraInfo> Cameras);

public sealed record CameraInfo(string Id, string Label);
