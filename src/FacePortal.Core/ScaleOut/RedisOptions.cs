using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace FacePortal.Core.ScaleOut;

/// <summary>
/// The <c>FacePortal:Redis</c> settings. With <see cref="Configuration"/> set, several web nodes share
/// one Redis: the live hub's backplane, the gallery channel, the sign-in keys and the session ends.
/// Unset (the default), the app is one process and uses no Redis at all.
/// </summary>
public sealed class RedisOptions : IValidatableObject
{
    public const string Section = "FacePortal:Redis";

    /// <summary>A StackExchange.Redis configuration string: <c>127.0.0.1:6379</c>, <c>redis:6379,password=...</c>.</summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// How often a node compares the database's gallery version with the one it loaded, and reloads
    /// after any change (the messages apply at once; this puts right any that were missed or overtaken).
    /// While Redis is unreachable the comparison runs every second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether a configuration string is set; decided when services are registered, before options are bound.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration?[$"{Section}:{nameof(Configuration)}"]);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Configuration))
        {
            yield break;
        }

        string? problem = null;
        try
        {
            ConfigurationOptions.Parse(Configuration);
        }
        catch (ArgumentException ex)
        {
            problem = ex.Message;
        }

        if (problem is not null)
        {
            yield return new ValidationResult($"{Section}:{nameof(Configuration)} is not a Redis configuration string: {problem}", [nameof(Configuration)]);
        }
    }
}
