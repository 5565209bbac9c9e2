using Microsoft.Extensions.Options;

namespace FacePortal.Core.Configuration;

/// <summary>Validates a settings type registered with <see cref="ValidatedOptions.AddValidatedOptions{T}"/> against its rules.</summary>
internal sealed class SettingsValidator<T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        if (name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        var problems = SettingsRules.Check(options, section);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
