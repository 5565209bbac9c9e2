using FacePortal.Core.Storage;
using FacePortal.TestSupport;
using Microsoft.Data.Sqlite;

namespace FacePortal.Core.Tests.Storage;

/// <summary>The one classifier of storage failures, fed with what a really full or read-only disk throws.</summary>
public sealed class StorageFailureTests
{
    [Fact]
    public async Task A_full_disk_is_told_apart_from_other_failures()
    {
        using var disk = ScratchMount.Create(1024 * 1024);
        disk.Fill();
        var blobs = new BlobStore(Path.Combine(disk.Path, "blobs"));

        var file = await Assert.ThrowsAnyAsync<IOException>(() => File.WriteAllBytesAsync(Path.Combine(disk.Path, "photo.jpg"), new byte[100_000], TestContext.Current.CancellationToken));
        var blob = await Assert.ThrowsAnyAsync<IOException>(() => blobs.PutAsync(new byte[100_000], TestContext.Current.CancellationToken));

        Assert.Equal(StorageFailureKind.DiskFull, StorageFailure.Of(file)?.Kind);
        Assert.Equal(StorageFailureKind.DiskFull, StorageFailure.Of(blob)?.Kind);
        Assert.Equal("the disk is full", StorageFailure.Of(new InvalidOperationException("wrapped", file))?.Reason);
    }

    [Fact]
    public void A_read_only_file_system_is_told_apart()
    {
        using var disk = ScratchMount.Create();
        disk.MakeReadOnly();

        var file = Assert.ThrowsAny<IOException>(() => File.WriteAllBytes(Path.Combine(disk.Path, "photo.jpg"), [1, 2, 3]));
        var folder = Assert.ThrowsAny<IOException>(() => Directory.CreateDirectory(Path.Combine(disk.Path, "blobs")));

        Assert.Equal(StorageFailureKind.ReadOnly, StorageFailure.Of(file)?.Kind);
        Assert.Equal(StorageFailureKind.ReadOnly, StorageFailure.Of(folder)?.Kind);
    }

    [Fact]
    public void Sqlite_refusing_a_write_on_a_full_or_read_only_disk_is_a_storage_failure()
    {
        using var disk = ScratchMount.Create(2 * 1024 * 1024);
        var connectionString = $"Data Source={Path.Combine(disk.Path, "test.db")};Pooling=False";
        using (var db = new SqliteConnection(connectionString))
        {
            db.Open();
            Execute(db, "CREATE TABLE photos (bytes BLOB)");
        }

        disk.Fill();
        using (var db = new SqliteConnection(connectionString))
        {
            db.Open();
            var full = Assert.Throws<SqliteException>(() => Execute(db, "INSERT INTO photos VALUES (zeroblob(500000))"));
            Assert.Equal(StorageFailureKind.DiskFull, StorageFailure.Of(full)?.Kind);
        }

        disk.Empty();
        disk.MakeReadOnly();
        using (var db = new SqliteConnection(connectionString))
        {
            db.Open();
            var readOnly = Assert.Throws<SqliteException>(() => Execute(db, "INSERT INTO photos VALUES (zeroblob(10))"));
            Assert.Equal(StorageFailureKind.ReadOnly, StorageFailure.Of(readOnly)?.Kind);
        }
    }

    [Fact]
    public void Other_failures_are_not_storage_failures()
    {
        Assert.Null(StorageFailure.Of(new FileNotFoundException("gone", "x.jpg")));
        Assert.Null(StorageFailure.Of(new IOException("The process cannot access the file because it is being used by another process.")));
        Assert.Null(StorageFailure.Of(new InvalidOperationException("a bug")));
        Assert.Null(StorageFailure.Of(new SqliteException("constraint", 19)));
        Assert.Null(StorageFailure.Of(null));
    }

    [Fact]
    public async Task A_data_directory_on_a_read_only_disk_fails_its_check_with_one_line_saying_what_to_do()
    {
        using var disk = ScratchMount.Create();
        disk.MakeReadOnly();
        var fresh = new DataDirectory(Path.Combine(disk.Path, "data"));
        var existing = new DataDirectory(disk.Path);

        var missing = await Assert.ThrowsAsync<DataDirectoryException>(() => fresh.EnsureWritableAsync(TestContext.Current.CancellationToken));
        var readOnly = await Assert.ThrowsAsync<DataDirectoryException>(() => existing.EnsureWritableAsync(TestContext.Current.CancellationToken));

        Assert.Equal(
            $"the data directory {fresh.Path} is not writable (read-only file system); mount it read-write or set FacePortal__DataDirectory to a writable folder.",
            missing.Message);
        Assert.Equal(StorageFailureKind.ReadOnly, readOnly.Failure.Kind);
    }

    [Fact]
    public async Task A_data_directory_on_a_full_disk_fails_its_check_and_passes_once_there_is_room()
    {
        using var disk = ScratchMount.Create(1024 * 1024);
        var data = new DataDirectory(disk.Path);
        disk.Fill();

        var full = await Assert.ThrowsAsync<DataDirectoryException>(() => data.EnsureWritableAsync(TestContext.Current.CancellationToken));
        disk.Empty();
        await data.EnsureWritableAsync(TestContext.Current.CancellationToken);

        Assert.Contains("(no space left on the disk); free some space", full.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(disk.Path));
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
