using FacePortal.Cli.Commands;
using FacePortal.Core.Backup;
using FacePortal.Core.Data;
using FacePortal.Core.Data.Sqlite;
using FacePortal.Core.People;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Cli.Tests.Commands;

public sealed class BackupCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("faceportal-cli-backup-").FullName;

    [Fact]
    public async Task Backup_then_restore_prints_what_moved_and_a_second_restore_into_the_same_place_is_refused()
    {
        var data = Directory.CreateDirectory(Path.Combine(_work, "data")).FullName;
        await using (var db = new SqliteFacePortalDbContext(new DbContextOptionsBuilder<SqliteFacePortalDbContext>()
            .UseSqlite($"Data Source={Path.Combine(data, "faceportal.db")}", DatabaseRegistration.ConfigureSqlite).Options))
        {
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
            db.People.Add(new Person { Name = "Zoë Backup", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        SqliteConnection.ClearAllPools();
        var file = Path.Combine(_work, "backup.zip");
        var backupOutput = new StringWriter();
        var restoreOutput = new StringWriter();
        var restored = Path.Combine(_work, "restored");

        var backupExit = BackupCommand.Run(new CommandArguments(["--data", data, "--out", file]), backupOutput);
        var restoreExit = RestoreCommand.Run([file, "--data", restored], restoreOutput);

        Assert.Equal(0, backupExit);
        Assert.Equal(0, restoreExit);
        Assert.Contains("1 people, 0 photos, 0 faces, 0 trained models; 0 files", backupOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains($"into {restored}", restoreOutput.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(file + ".partial"));
        await using (var copy = new SqliteConnection($"Data Source={Path.Combine(restored, "faceportal.db")};Pooling=False"))
        {
            await copy.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = copy.CreateCommand();
            command.CommandText = "SELECT Name FROM People";
            Assert.Equal("Zoë Backup", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }

        var again = Assert.Throws<BackupException>(() => RestoreCommand.Run([file, "--data", restored], new StringWriter()));
        Assert.Contains("is not empty", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_without_a_file_names_the_usage() =>
        Assert.Contains("./faceportal restore FILE", Assert.Throws<CommandLineException>(() => RestoreCommand.Run(["--data", _work], new StringWriter())).Message, StringComparison.Ordinal);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_work, recursive: true);
    }
}
