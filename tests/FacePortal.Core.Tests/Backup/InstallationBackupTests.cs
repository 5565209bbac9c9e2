using System.IO.Compression;
using FacePortal.Core.Backup;
using FacePortal.Core.Storage;

namespace FacePortal.Core.Tests.Backup;

public sealed class InstallationBackupTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("faceportal-backup-tests-").FullName;

    [Fact]
    public async Task Restoring_into_a_directory_that_holds_anything_is_refused_and_touches_nothing()
    {
        var target = Directory.CreateDirectory(Path.Combine(_work, "busy")).FullName;
        File.WriteAllText(Path.Combine(target, "keep.txt"), "mine");

        var error = await Assert.ThrowsAsync<BackupException>(() => InstallationBackup.RestoreAsync(new MemoryStream(), target, TestContext.Current.CancellationToken));

        Assert.Contains("is not empty", error.Message, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(target, "keep.txt")));
    }

    [Fact]
    public async Task A_file_that_is_not_a_backup_says_so()
    {
        var error = await Assert.ThrowsAsync<BackupException>(() => InstallationBackup.RestoreAsync(new MemoryStream("not a zip"u8.ToArray()), Path.Combine(_work, "a"), TestContext.Current.CancellationToken));

        Assert.Equal("This file is not a FacePortal backup (not a zip archive).", error.Message);
    }

    [Fact]
    public async Task A_damaged_file_stops_the_restore_and_leaves_no_half_installation()
    {
        var good = "a photo"u8.ToArray();
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(archive.CreateEntry(InstallationBackup.ManifestEntry).Open()))
            {
                writer.Write("""{"version":1,"summary":{"provider":"Sqlite","createdAt":"2026-11-30T00:00:00Z","counts":{"people":0,"photos":0,"faces":0,"trainedModels":0},"files":1,"fileBytes":7,"missingFiles":[]}}""");
            }

            using var entry = archive.CreateEntry("blobs/" + BlobStore.HashOf(good)).Open();
            entry.Write("tampered"u8);
        }

        zip.Position = 0;
        var target = Path.Combine(_work, "restored");
        var error = await Assert.ThrowsAsync<BackupException>(() => InstallationBackup.RestoreAsync(zip, target, TestContext.Current.CancellationToken));

        Assert.Contains("does not match its checksum", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task A_directory_without_a_database_is_not_backed_up()
    {
        var error = await Assert.ThrowsAsync<BackupException>(() => InstallationBackup.CreateAsync(_work, Core.Data.DatabaseProvider.Sqlite, new MemoryStream(), TimeProvider.System, TestContext.Current.CancellationToken));

        Assert.Contains("is '", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
