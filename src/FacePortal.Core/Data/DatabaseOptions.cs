namespace FacePortal.Core.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed record DatabaseOptions
{
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>Empty means a SQLite file <c>faceportal.db</c> in the data directory.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The connection string to use, with the SQLite default filled in.</summary>
    public string ResolveConnectionString(string dataDirectory) => Provider switch
    {
        _ when !string.IsNullOrWhiteSpace(ConnectionString) => ConnectionString,
        DatabaseProvider.Sqlite => $"Data Source={Path.Combine(dataDirectory, "faceportal.db")}",
        _ => throw new InvalidOperationException(
            $"Database:Provider is {Provider}, which needs Database:ConnectionString (or ConnectionStrings__FacePortal)."),
    };
}
