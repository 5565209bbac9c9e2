using FacePortal.Core.Data;

namespace FacePortal.Cli.Commands;

/// <summary>The data directory the web app uses: --data DIR, else FacePortal__DataDirectory, else ./data (as ./run.sh).</summary>
public static class DataDirectoryArgument
{
    public static string From(CommandArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configured = args.Optional("data") ?? Environment.GetEnvironmentVariable("FacePortal__DataDirectory");
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
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
