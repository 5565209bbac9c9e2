using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace FacePortal.Core.Storage;

public enum StorageFailureKind
{
    DiskFull,
    ReadOnly,
    AccessDenied,

    /// <summary>
    /// SQLite could not open or write its files: what it reports for a full or read-only disk when the
    /// failing write is its journal or shared memory rather than the database itself.
    /// </summary>
    Unavailable,
}

/// <summary>
/// Why the server could not save data: a full disk, a read-only file system, a folder it may not
/// write, or a database it cannot open. <see cref="Of"/> is the one place that tells such failures
/// apart from bugs, so every caller (per-file results, problem details, sign-in, start-up) agrees.
/// </summary>
public sealed record StorageFailure(StorageFailureKind Kind)
{
    // errno values on Linux (.NET puts them in IOException.HResult) and Win32 codes as HRESULTs.
    private const int ENOSPC = 28;
    private const int EROFS = 30;
    private const int EDQUOT = 122;
    private const int WinDiskFull = unchecked((int)0x80070070);
    private const int WinHandleDiskFull = unchecked((int)0x80070027);
    private const int WinWriteProtect = unchecked((int)0x80070013);

    // SQLite primary result codes.
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteReadOnly = 8;
    private const int SqliteCantOpen = 14;

    /// <summary>The cause as the end of a sentence: "the disk is full".</summary>
    public string Reason => Kind switch
    {
        StorageFailureKind.DiskFull => "the disk is full",
        StorageFailureKind.ReadOnly => "the disk is read-only",
        StorageFailureKind.AccessDenied => "the server may not write to its data directory",
        _ => "the database cannot be written (its disk may be full or read-only)",
    };

    /// <summary>The storage failure behind <paramref name="exception"/> (or one it wraps), or null when it is something else.</summary>
    public static StorageFailure? Of(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (Classify(e) is { } kind)
            {
                return new StorageFailure(kind);
            }

            if (e is AggregateException { InnerExceptions.Count: > 0 } all)
            {
                return all.InnerExceptions.Select(Of).FirstOrDefault(f => f is not null);
            }
        }

        return null;
    }

    private static StorageFailureKind? Classify(Exception e) => e switch
    {
        IOException { HResult: ENOSPC or EDQUOT or WinDiskFull or WinHandleDiskFull } => StorageFailureKind.DiskFull,
        IOException { HResult: EROFS or WinWriteProtect } => StorageFailureKind.ReadOnly,
        UnauthorizedAccessException => StorageFailureKind.AccessDenied,
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) switch
        {
            SqliteFull => StorageFailureKind.DiskFull,
            SqliteReadOnly => StorageFailureKind.ReadOnly,
            SqliteCantOpen or SqliteIoError => StorageFailureKind.Unavailable,
            _ => null,
        },

        // 1101/1105: no space in the filegroup; 9002: the log is full; 3906: the database is read-only.
        SqlException sql => sql.Number switch
        {
            1101 or 1105 or 9002 => StorageFailureKind.DiskFull,
            3906 => StorageFailureKind.ReadOnly,
            _ => null,
        },
        _ => null,
    };
}
