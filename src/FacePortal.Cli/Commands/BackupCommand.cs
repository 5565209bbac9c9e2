using FacePortal.Core.Backup;
using FacePortal.Core.Data;

namespace FacePortal.Cli.Commands;

/// <summary>backup --out FILE [--data DIR]: the whole installation in one zip, consistent while the app runs.</summary>
public static class BackupCommand
{
    public static int Run(CommandArguments args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var data = DataDirectoryArgument.From(args);
        var target = Path.GetFullPath(args.Required("out"));
        var provider = DataDirectoryArgument.Provider();
        var partial = target + ".partial";
        BackupSummary summary;
        using (var file = File.Create(partial))
        {
            summary = InstallationBackup.CreateAsync(data, provider, file, TimeProvider.System).GetAwaiter().GetResult();
        }

        // Renamed only when complete, so a crash never leaves something that looks like a good backup.
        File.Move(partial, target, overwrite: true);
        output.WriteLine($"Backed up {data} to {target} ({new FileInfo(target).Length / 1024.0 / 1024.0:F1} MiB)");
        output.WriteLine($"  {summary.Counts.People} people, {summary.Counts.Photos} photos, {summary.Counts.Faces} faces, {summary.Counts.TrainedModels} trained models; {summary.Files} files ({summary.FileBytes / 1024.0 / 1024.0:F1} MiB)");
        if (summary.MissingFiles.Count > 0)
        {
            output.WriteLine($"  {summary.MissingFiles.Count} file(s) were deleted while the backup ran and are not in it.");
        }

        if (provider != DatabaseProvider.Sqlite)
        {
            output.WriteLine($"  The database ({provider}) is not in this file: back it up with the server's own tools (pg_dump, SQL Server BACKUP DATABASE) at the same time.");
        }

        return 0;
    }
}
