using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace FacePortal.Core.Configuration;

/// <summary>
/// Checks a settings object's DataAnnotations, those of the settings objects it holds, and its
/// <see cref="IValidatableObject"/> rules, and says what is wrong in terms of configuration keys:
/// <c>FacePortal:Live:MaxFramesPerSecond must be between 1 and 1000 (was 0).</c>
/// </summary>
internal static class SettingsRules
{
    public static IReadOnlyList<string> Check(object settings, string section)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        Collect(settings, section, problems);
        return problems;
    }

    private static void Collect(object settings, string key, List<string> problems)
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Settings are what configuration can set; computed properties are left alone.
            if (!property.CanWrite || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var propertyKey = $"{key}:{property.Name}";
            var value = property.GetValue(settings);
            var context = new ValidationContext(settings) { MemberName = property.Name, DisplayName = propertyKey };
            foreach (var rule in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
            {
                if (rule.GetValidationResult(value, context) is { } failure)
                {
                    problems.Add(Describe(rule, propertyKey, value, failure));
                }
            }

            if (value is not null && HasRules(property.PropertyType))
            {
                Collect(value, propertyKey, problems);
            }
        }

        if (settings is IValidatableObject validatable)
        {
            // These rules relate several settings; each result names the setting to change.
            foreach (var result in validatable.Validate(new ValidationContext(settings)))
            {
                var member = result.MemberNames.FirstOrDefault();
                problems.Add(member is null ? $"{key}: {result.ErrorMessage}" : $"{key}:{member} {result.ErrorMessage}");
            }
        }
    }

    /// <summary>Nested settings (the pipeline's detector and limits) are checked when their type carries rules.</summary>
    private static bool HasRules(Type type) =>
        type.IsClass && type != typeof(string) &&
        (typeof(IValidatableObject).IsAssignableFrom(type) ||
         type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.IsDefined(typeof(ValidationAttribute), inherit: true)));

    private static string Describe(ValidationAttribute rule, string key, object? value, ValidationResult failure) => rule switch
    {
        RequiredAttribute => $"{key} must be set.",
        RangeAttribute range => $"{key} must be between {Show(range.Minimum)} and {Show(range.Maximum)} (was {Show(value)}).",
        EnumDataTypeAttribute enumType => $"{key} must be one of {string.Join(", ", Enum.GetNames(enumType.EnumType))} (was {Show(value)}).",

        // Other rules keep their own sentence; values of free text are not repeated (one may be a password).
        _ => failure.ErrorMessage ?? $"{key} is not valid.",
    };

    private static string Show(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : "empty";
}
