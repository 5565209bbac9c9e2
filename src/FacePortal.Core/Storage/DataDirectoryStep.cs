using FacePortal.Core.Hosting;

namespace FacePortal.Core.Storage;

/// <summary>Proves the data directory can be written, first, so that a read-only or full disk stops start-up with one line (<see cref="DataDirectoryException"/>).</summary>
public sealed class DataDirectoryStep(DataDirectory dataDirectory) : IStartupStep
{
    public string Name => "check the data directory";

    public int Order => StartupOrder.DataDirectory;

    public Task RunAsync(CancellationToken cancellationToken) => dataDirectory.EnsureWritableAsync(cancellationToken);
}
