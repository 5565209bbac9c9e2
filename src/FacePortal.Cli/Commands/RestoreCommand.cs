using FacePortal.Core.Backup;

namespace FacePortal.Cli.Commands;

/// <summary>restore FILE [--data DIR]: unpacks a backup into an empty data directory.</summary>
public static class RestoreCommand
{
    public static int Run(IReadOnlyList<string> arguments, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        if (arguments.Count == 0 || arguments[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new CommandLineException("Name the backup file: ./faceportal restore FILE [--data DIR].");
        }

        var source = arguments[0];
        var args = new CommandArguments(arguments.Skip(1));
        if (!File.Exists(source))
        {
            throw new CommandLineException($"There is no file '{source}'.");
        }

        var data = DataDirectoryArgument.From(args);
        using var file = File.OpenRead(source);
        var summary = InstallationBackup.RestoreAsync(file, data).GetAwaiter().GetResult();
        output.WriteLine($"Restored {source} (made {summary.CreatedAt:yyyy-MM-dd HH:mm} UTC) into {data}");
        output.WriteLine($"  {summary.Counts.People} people, {summary.Counts.Photos} photos, {summary.Counts.Faces} faces, {summary.Counts.TrainedModels} trained models; {summary.Files} files");
        output.WriteLine("  Start the app with this data directory (./run.sh, or FacePortal__DataDirectory).");
        return 0;
    }
}
