using System.IO.Compression;
using FacePortal.Core.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace FacePortal.Core.Backup;

/// <summary>
/// Backs up an installation to one zip, and restores it into an empty data directory.
/// With SQLite the zip holds a consistent copy of the database (SQLite's online backup, safe while
/// the app runs: people, faces, embeddings, accounts, audit trail and trained models all live in it)
/// and every file its rows refer to. With a server database the zip holds the blob store and the
/// database is backed up with the server's own tools (pg_dump, SQL Server BACKUP).
/// </summary>
public static class InstallationBackup
{
    public const string DatabaseEntry = "faceportal.db";
    public const string ManifestEntry = "backup.json";
    private const string BlobFolder = "blobs/";
    private const int FormatVersion = 1;

    public static async Task<BackupSummary> CreateAsync(string dataDirectory, DatabaseProvider provider, Stream output, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(clock);
        var blobs = new BlobStore(Path.Combine(dataDirectory, "blobs"));
        var snapshot = Path.Combine(Path.GetTempPath(), $"faceportal-backup-{Guid.NewGuid():N}.db");
        try
        {
            IReadOnlyCollection<string> hashes;
            BackupCounts counts;
            if (provider == DatabaseProvider.Sqlite)
            {
                var database = Path.Combine(dataDirectory, DatabaseEntry);
                if (!File.Exists(database))
                {
                    throw new BackupException($"There is no database at {database}: is '{dataDirectory}' a FacePortal data directory?");
                }

                Snapshot(database, snapshot);
                (hashes, counts) = await ReadAsync(snapshot, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                hashes = blobs.Enumerate().Select(b => b.Hash).ToList();
                counts = new BackupCounts(0, 0, 0, 0);
            }

            using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            if (provider == DatabaseProvider.Sqlite)
            {
                // The database is already compressed poorly by nature (embeddings are floats); store it fast.
                await zip.CreateEntryFromFileAsync(snapshot, DatabaseEntry, CompressionLevel.Fastest, cancellationToken).ConfigureAwait(false);
            }

            var missing = new List<string>();
            long bytes = 0;
            foreach (var hash in hashes.Order(StringComparer.Ordinal))
            {
                await using var blob = blobs.OpenRead(hash);
                if (blob is null)
                {
                    // Deleted after the snapshot was taken; the start-up sweep of a restore tolerates it.
                    missing.Add(hash);
                    continue;
                }

                var entry = zip.CreateEntry(BlobFolder + hash, CompressionLevel.NoCompression);
                await using var target = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
                await blob.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
                bytes += blob.Length;
            }

            var summary = new BackupSummary(provider, clock.GetUtcNow(), counts, hashes.Count - missing.Count, bytes, missing);
            var manifest = zip.CreateEntry(ManifestEntry);
            await using (var stream = await manifest.OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                await JsonSerializer.SerializeAsync(stream, new BackupManifest(FormatVersion, summary), ManifestJson, cancellationToken).ConfigureAwait(false);
            }

            return summary;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(snapshot);
        }
    }

    /// <summary>Unpacks a backup into an empty (or new) data directory, checking every file against its hash.</summary>
    public static async Task<BackupSummary> RestoreAsync(Stream input, string dataDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
        {
            throw new BackupException($"'{dataDirectory}' is not empty. Restore into a new or empty data directory, so nothing there is overwritten.");
        }

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new BackupException("This file is not a FacePortal backup (not a zip archive).");
        }

        using (zip)
        {
            var manifest = await ReadManifestAsync(zip, cancellationToken).ConfigureAwait(false);
            Directory.CreateDirectory(dataDirectory);
            try
            {
                var blobs = new BlobStore(Path.Combine(dataDirectory, "blobs"));
                foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(BlobFolder, StringComparison.Ordinal)))
                {
                    var hash = entry.FullName[BlobFolder.Length..];
                    using var content = new MemoryStream();
                    await using (var stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false))
                    {
                        await stream.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
                    }

                    if (!BlobStore.IsValidHash(hash) || BlobStore.HashOf(content.GetBuffer().AsSpan(0, (int)content.Length)) != hash)
                    {
                        throw new BackupException($"The backup is damaged: {entry.FullName} does not match its checksum.");
                    }

                    await blobs.PutAsync(content.GetBuffer().AsMemory(0, (int)content.Length), cancellationToken).ConfigureAwait(false);
                }

                if (zip.GetEntry(DatabaseEntry) is { } database)
                {
                    await database.ExtractToFileAsync(Path.Combine(dataDirectory, DatabaseEntry), overwrite: false, cancellationToken).ConfigureAwait(false);
                }

                return manifest.Summary;
            }
            catch
            {
                // A half-restored directory would start as an installation with missing data.
                Directory.Delete(dataDirectory, recursive: true);
                throw;
            }
        }
    }

    private static async Task<BackupManifest> ReadManifestAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(ManifestEntry) ?? throw new BackupException($"This zip is not a FacePortal backup (no {ManifestEntry}).");
        await using var stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
        var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, ManifestJson, cancellationToken).ConfigureAwait(false)
            ?? throw new BackupException($"The backup's {ManifestEntry} is empty.");
        return manifest.Version == FormatVersion
            ? manifest
            : throw new BackupException($"This backup has format version {manifest.Version}; this FacePortal reads version {FormatVersion}.");
    }

    private static void Snapshot(string database, string snapshot)
    {
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshot, Pooling = false }.ToString());
        source.Open();
        destination.Open();
        source.BackupDatabase(destination);
        using var journal = destination.CreateCommand();

        // One self-contained file in the zip, whatever journal mode the live database uses.
        journal.CommandText = "PRAGMA journal_mode=DELETE;";
        journal.ExecuteNonQuery();
    }

    // The snapshot is read through the same model as the live database, so "which files do rows use" has one definition (BlobReferences).
    private static async Task<(IReadOnlyCollection<string> Hashes, BackupCounts Counts)> ReadAsync(string snapshot, CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<SqliteFacePortalDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = snapshot, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString(), DatabaseRegistration.ConfigureSqlite)
            .Options;
        await using var db = new SqliteFacePortalDbContext(options);
        var hashes = await BlobReferences.ReferencedAsync(db, cancellationToken).ConfigureAwait(false);
        var counts = new BackupCounts(
            await db.People.CountAsync(cancellationToken).ConfigureAwait(false),
            await db.Photos.CountAsync(cancellationToken).ConfigureAwait(false),
            await db.Faces.CountAsync(cancellationToken).ConfigureAwait(false),
            await db.TrainedModels.CountAsync(cancellationToken).ConfigureAwait(false));
        return (hashes, counts);
    }

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private sealed record BackupManifest(int Version, BackupSummary Summary);
}

public sealed record BackupCounts(int People, int Photos, int Faces, int TrainedModels);

/// <summary>What a backup holds; <see cref="MissingFiles"/> lists files deleted between the database snapshot and the copy.</summary>
public sealed record BackupSummary(DatabaseProvider Provider, DateTimeOffset CreatedAt, BackupCounts Counts, int Files, long FileBytes, IReadOnlyList<string> MissingFiles);

public sealed class BackupException(string message) : Exception(message);
