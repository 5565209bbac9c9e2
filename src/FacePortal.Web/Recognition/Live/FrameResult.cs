using MessagePack;

namespace FacePortal.Web.Recognition.Live;

/// <summary>What happened to a frame.</summary>
public static class FrameStatus
{
    public const string Ok = "ok";

    /// <summary>A newer frame arrived while this one waited; only the newest waiting frame is analysed.</summary>
    public const string Dropped = "dropped";

    public const string TooLarge = "tooLarge";

    public const string Unreadable = "unreadable";

    public const string RateLimited = "rateLimited";
}

/// <summary>The server's answer to one frame: the faces, or why there are none.</summary>
[MessagePackObject]
public sealed class FrameResult
{
    [Key("seq")]
    public long Sequence { get; set; }

    [Key("capturedAt")]
    public double CapturedAt { get; set; }

    /// <summary>One of <see cref="FrameStatus"/>.</summary>
    [Key("status")]
    public string Status { get; set; } = FrameStatus.Ok;

    /// <summary>A sentence for anything but <see cref="FrameStatus.Ok"/>.</summary>
    [Key("message")]
    public string? Message { get; set; }

    [Key("width")]
    public int Width { get; set; }

    [Key("height")]
    public int Height { get; set; }

    [Key("threshold")]
    public float Threshold { get; set; }

    /// <summary>"gallery", or the trained model in use.</summary>
    [Key("recognizer")]
    public string? Recognizer { get; set; }

    [Key("faces")]
    public LiveFace[] Faces { get; set; } = [];

    [Key("timing")]
    public ServerTiming Timing { get; set; } = new();
}

/// <summary>One face in a frame, in frame pixels.</summary>
[MessagePackObject]
public sealed class LiveFace
{
    [Key("x")]
    public float X { get; set; }

    [Key("y")]
    public float Y { get; set; }

    [Key("w")]
    public float Width { get; set; }

    [Key("h")]
    public float Height { get; set; }

    /// <summary>The face's track (stable while it stays in view; 0 with tracking off).</summary>
    [Key("trackId")]
    public int TrackId { get; set; }

    /// <summary>The track's confirmed person, or null for every Unknown (including "confirming").</summary>
    [Key("name")]
    public string? Name { get; set; }

    [Key("personId")]
    public string? PersonId { get; set; }

    /// <summary>The track's verdict code: named, nobody-close, ambiguous, too-poor, marked-not-this-person, or confirming.</summary>
    [Key("verdict")]
    public string Verdict { get; set; } = "nobody-close";

    /// <summary>What to show: the name, or "Unknown (...)" with its kind.</summary>
    [Key("label")]
    public string Label { get; set; } = "Unknown";

    /// <summary>One sentence: why the track shows what it shows.</summary>
    [Key("reason")]
    public string Reason { get; set; } = string.Empty;

    /// <summary>"named at a 1% false-match rate for 1,680 people": where the latest frame was decided.</summary>
    [Key("operatingPoint")]
    public string OperatingPoint { get; set; } = string.Empty;

    /// <summary>This frame's own verdict code, before the track's rule (what one frame alone would have said).</summary>
    [Key("frameVerdict")]
    public string FrameVerdict { get; set; } = "nobody-close";

    /// <summary>Cosine similarity of this frame's face to the closest enrolled face (of the named person, or of anyone when Unknown).</summary>
    [Key("similarity")]
    public float Similarity { get; set; }

    /// <summary>With a trained model in use: its probability for the person it chose.</summary>
    [Key("probability")]
    public float? Probability { get; set; }

    [Key("detectionScore")]
    public float DetectionScore { get; set; }

    [Key("sharpness")]
    public float Sharpness { get; set; }

    [Key("frontalness")]
    public float Frontalness { get; set; }

    /// <summary>Only when the frame asked for it: what the experimental liveness model says of this face.</summary>
    [Key("liveness")]
    public LiveLiveness? Liveness { get; set; }
}

/// <summary>The liveness badge of one face. The model's separation is measured in the README; it is experimental.</summary>
[MessagePackObject]
public sealed class LiveLiveness
{
    /// <summary>The model's probability that the face is live, 0..1; null when the face was refused.</summary>
    [Key("score")]
    public float? Score { get; set; }

    [Key("live")]
    public bool IsLive { get; set; }

    [Key("experimental")]
    public bool Experimental { get; set; } = true;

    /// <summary>Why there is no score (the face is too small).</summary>
    [Key("refusal")]
    public string? Refusal { get; set; }
}

/// <summary>Where the server spent a frame's time, in milliseconds.</summary>
[MessagePackObject]
public sealed class ServerTiming
{
    /// <summary>From arrival until analysis began (waiting for a core or behind the previous frame).</summary>
    [Key("queue")]
    public double Queue { get; set; }

    [Key("decode")]
    public double Decode { get; set; }

    [Key("detect")]
    public double Detect { get; set; }

    [Key("landmarks")]
    public double Landmarks { get; set; }

    [Key("align")]
    public double Align { get; set; }

    [Key("embed")]
    public double Embed { get; set; }

    [Key("match")]
    public double Match { get; set; }

    /// <summary>The liveness model over every face; 0 when the frame did not ask for it.</summary>
    [Key("liveness")]
    public double Liveness { get; set; }

    /// <summary>From arrival until the result was handed to SignalR.</summary>
    [Key("total")]
    public double Total { get; set; }
}
