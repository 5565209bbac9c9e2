namespace FacePortal.Training.Heads;

/// <summary>
/// One TorchSharp computation at a time in this process. Concurrent training runs on different
/// threads crashed inside libtorch in our tests, and on two cores parallel runs gain nothing.
/// </summary>
internal static class TorchGate
{
    public static readonly Lock Lock = new();
}
