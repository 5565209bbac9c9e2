namespace FacePortal.Web.Hosting;

/// <summary>
/// Where the app keeps its state: <c>FacePortal:DataDirectory</c> (database, photos, crops), relative to
/// the content root. Only the path: the folder is created and checked at start-up
/// (<see cref="FacePortal.Core.Storage.DataDirectory.EnsureWritableAsync"/>), where a read-only disk is told in one line.
/// </summary>
public static class PortalPaths
{
    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["FacePortal:DataDirectory"];
        var path = string.IsNullOrWhiteSpace(configured) ? "data" : configured;
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path));
    }
}
