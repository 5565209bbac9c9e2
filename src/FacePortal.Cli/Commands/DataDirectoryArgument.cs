using FacePortal.Core.Data;
using FacePortal.Shared.Installation;

namespace FacePortal.Cli.Commands;

/// <summary>
/// The data directory the web app uses: --data DIR (relative to the working directory, as any path typed
/// on a command line), else FacePortal__DataDirectory, else data in the install root (as ./run.sh), resolved as the web app does.
/// </summary>
public static class DataDirectoryArgument
{
    public static string From(CommandArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Optional("data") is { } typed
            ? Path.GetFullPath(typed)
            : InstallLocation.Current.DataDirectory(Environment.GetEnvironmentVariable("FacePortal__DataDirectory"));
    }

    /// <summary>The database provider, as the web app reads it (Database__Provider).</summary>
    public static DatabaseProvider Provider()
    {
        var configured = Environment.GetEnvironmentVariable("Database__Provider");
        return string.IsNullOrWhiteSpace(configured) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(configured, ignoreCase: true, out var provider) ? provider
            : throw new CommandLineException($"Database__Provider '{configured}' is not one of {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
    }
}
