using MessagePack;

namespace FacePortal.Web.Recognition.Live;

/// <summary>One camera frame from the browser, sent over the live hub as MessagePack.</summary>
[MessagePackObject]
public sealed class FrameRequest
{
    /// <summary>The client's frame counter; echoed in the result so the client can pair them.</summary>
    [Key("seq")]
    public long Sequence { get; set; }

    /// <summary>When the client captured the frame, on the client's own clock (milliseconds); echoed back for round-trip times.</summary>
    [Key("capturedAt")]
    public double CapturedAt { get; set; }

    /// <summary>The frame as JPEG (PNG and WebP are accepted too).</summary>
    [Key("image")]
    public byte[]? Image { get; set; }

    /// <summary>Also run the (experimental) liveness model on every face; off unless the page's toggle is on.</summary>
    [Key("liveness")]
    public bool Liveness { get; set; }
}
