namespace FacePortal.Core.ScaleOut;

/// <summary>This process among the nodes that share one Redis: its messages carry <see cref="Id"/>, so it skips its own.</summary>
public sealed record PortalNode(Guid Id)
{
    public static PortalNode New() => new(Guid.NewGuid());
}
