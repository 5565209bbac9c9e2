namespace FacePortal.Shared.Installation;

/// <summary>
/// The one place that turns the app's own relative paths (the model folder, the tuning cache, the data
/// directory) into absolute ones. They are resolved from where the application is installed, never from
/// the working directory: a service manager or a container may start the app from any folder.
/// The install root is the nearest folder at or above the application's own folder that holds a
/// <c>models</c> folder: the repository in a checkout (<c>src/FacePortal.Web/bin/Release/net10.0</c>
/// walks up to it), <c>/app</c> in the Docker images; without one, the application's folder itself.
/// </summary>
public sealed class InstallLocation
{
    /// <summary>The data directory when <c>FacePortal:DataDirectory</c> is not set: <c>data</c> in the install root.</summary>
    public const string DefaultDataDirectory = "data";

    private InstallLocation(string applicationFolder, string root)
    {
        ApplicationFolder = applicationFolder;
        Root = root;
    }

    /// <summary>This process's install location, found once from <see cref="AppContext.BaseDirectory"/>.</summary>
    public static InstallLocation Current { get; } = Find(AppContext.BaseDirectory);

    /// <summary>The folder holding the application's assemblies and appsettings.json (the build or publish output).</summary>
    public string ApplicationFolder { get; }

    /// <summary>The folder that relative paths in settings are resolved against.</summary>
    public string Root { get; }

    /// <summary>Finds the install root from <paramref name="applicationFolder"/>; public for tests of other layouts.</summary>
    public static InstallLocation Find(string applicationFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationFolder);
        var start = Path.TrimEndingDirectorySeparator(Path.GetFullPath(applicationFolder));
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "models")))
            {
                return new InstallLocation(start, folder.FullName);
            }
        }

        return new InstallLocation(start, start);
    }

    /// <summary>An absolute path as it is; a relative one against <see cref="Root"/>.</summary>
    public string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Root, path));
    }

    /// <summary>The data directory from its setting (<c>FacePortal:DataDirectory</c>), <see cref="DefaultDataDirectory"/> when unset.</summary>
    public string DataDirectory(string? configured) =>
        Resolve(string.IsNullOrWhiteSpace(configured) ? DefaultDataDirectory : configured);

    /// <summary>
    /// The content root for a host (where appsettings.json is read): the application's folder, unless
    /// the command line (<c>--contentRoot</c>) or the environment (<c>ASPNETCORE_CONTENTROOT</c>,
    /// <c>DOTNET_CONTENTROOT</c>) names one; then null, so the host's own rule applies. Left alone,
    /// .NET would take the working directory.
    /// </summary>
    public string? ContentRootUnlessGiven(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var named = args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return named ? null : ApplicationFolder;
    }
}
