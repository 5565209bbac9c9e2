namespace FacePortal.ScaleOut.Tests.WebNodes;

/// <summary>
/// Each test runs two web nodes (models, warm-up, a gallery each): on a 2-core machine they run
/// alone, so the one-second bounds measure the nodes and not other tests beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public static class WebNodesCollection
{
    public const string Name = "web nodes";
}
