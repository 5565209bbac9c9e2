using System.ComponentModel.DataAnnotations;

namespace FacePortal.Web.Recognition.Live;

/// <summary><c>FacePortal:Live:Connections</c>: how long a live-hub connection may stay silent, and how many one account may hold.</summary>
public sealed class LiveConnectionOptions
{
    public const string Section = "FacePortal:Live:Connections";

    /// <summary>
    /// A connection that sends nothing for this long, not even the keep-alive ping SignalR clients
    /// send every 15 seconds, is closed; so is one that does not finish its handshake in this time,
    /// and one that makes no call to the hub in this time after connecting (<see cref="SilentConnectionWatch"/>).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Open live connections one account may hold at once (a camera page each); more are refused with a sentence.</summary>
    [Range(1, 1000)]
    public int MaxPerAccount { get; set; } = 8;
}
