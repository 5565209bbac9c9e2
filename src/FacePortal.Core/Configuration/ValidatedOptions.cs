using Microsoft.Extensions.Options;

namespace FacePortal.Core.Configuration;

/// <summary>
/// The one way a settings type becomes a service: bound from its configuration section, checked
/// when the host starts (so a wrong setting stops start-up instead of the first request that reads it),
/// and injectable as the type itself as well as <see cref="IOptions{TOptions}"/>.
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        services.AddSingleton<IValidateOptions<T>>(new SettingsValidator<T>(section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services.AddOptions<T>()
            .Configure<IConfiguration>((options, configuration) => Bind(options, configuration.GetSection(section)))
            .ValidateOnStart();
    }

    private static void Bind<T>(T options, IConfigurationSection section)
        where T : class
    {
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // A value that is not of the property's type ("abc" for a number, an unknown enum name):
            // reported like any other wrong setting; the binder's message names the key.
            throw new OptionsValidationException(section.Path, typeof(T), [ex.Message]);
        }
    }
}
