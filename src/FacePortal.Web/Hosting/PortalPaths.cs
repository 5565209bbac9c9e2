namespace FacePortal.Web.Hosting;

/// <summary>Where the app keeps its state: <c>FacePortal:DataDirectory</c> (database, photos, crops), relative to the content root.</summary>
public static class PortalPaths
{
    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["FacePortal:DataDirectory"];
        var path = string.IsNullOrWhiteSpace(configured) ? "data" : configured;
        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path));
        Directory.CreateDirectory(full);
        return full;
    }
}
