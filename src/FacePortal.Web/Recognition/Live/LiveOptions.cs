using System.ComponentModel.DataAnnotations;

namespace FacePortal.Web.Recognition.Live;

/// <summary>Limits and defaults of live recognition (<c>FacePortal:Live</c>).</summary>
public sealed class LiveOptions
{
    public const string Section = "FacePortal:Live";

    /// <summary>Largest JPEG frame analysed; bigger ones get a <see cref="FrameStatus.TooLarge"/> result.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxFrameBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Frames per second one connection may send (a token bucket; the burst equals the rate).
    /// Frames over it get <see cref="FrameStatus.RateLimited"/>.
    /// </summary>
    [Range(1, 1000)]
    public int MaxFramesPerSecond { get; set; } = 30;

    /// <summary>Width of the frames the browser sends unless the user picks another (the height follows the camera's aspect).</summary>
    [Range(64, 4096)]
    public int DefaultFrameWidth { get; set; } = 640;

    /// <summary>JPEG quality the browser encodes frames at, 0..1.</summary>
    [Range(0.0, 1.0)]
    public double JpegQuality { get; set; } = 0.8;

    /// <summary>Following faces across frames and confirming names (<c>FacePortal:Live:Tracks</c>).</summary>
    public TrackingOptions Tracks { get; set; } = new();

    /// <summary>
    /// SignalR's own message limit: a message over it closes the connection, so it sits well above
    /// <see cref="MaxFrameBytes"/> and the frame limit answers with an error result instead.
    /// </summary>
    public long TransportMaxMessageBytes => Math.Max(4L * MaxFrameBytes, 64 * 1024);
}
