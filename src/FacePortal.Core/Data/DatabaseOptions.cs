using System.ComponentModel.DataAnnotations;

namespace FacePortal.Core.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed record DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Empty means <c>ConnectionStrings:FacePortal</c>, else (SQLite) a file <c>faceportal.db</c> in the
    /// data directory: see <see cref="FillConnectionString"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The connection string; validation at start-up made sure there is one.</summary>
    public string RequiredConnectionString =>
        ConnectionString ?? throw new InvalidOperationException($"{Section}:{nameof(ConnectionString)} is not set.");

    /// <summary>Fills an empty connection string from <paramref name="named"/> (<c>ConnectionStrings:FacePortal</c>), else with SQLite's default file.</summary>
    public void FillConnectionString(string? named, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return;
        }

        ConnectionString = !string.IsNullOrWhiteSpace(named) ? named
            : Provider == DatabaseProvider.Sqlite ? $"Data Source={Path.Combine(dataDirectory, "faceportal.db")}"
            : null;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                $"must be set when {nameof(Provider)} is {Provider} (or set ConnectionStrings:FacePortal).", [nameof(ConnectionString)]);
        }
    }
}
