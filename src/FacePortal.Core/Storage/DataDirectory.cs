namespace FacePortal.Core.Storage;

/// <summary>The installation's state folder (<c>FacePortal:DataDirectory</c>): database, blobs, request buffers.</summary>
public sealed record DataDirectory(string Path)
{
    public string Combine(string child) => System.IO.Path.Combine(Path, child);
}
