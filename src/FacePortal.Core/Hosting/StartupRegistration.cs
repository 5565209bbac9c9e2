using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FacePortal.Core.Hosting;

/// <summary>How a feature adds its start-up work; the runner comes with the first step.</summary>
public static class StartupRegistration
{
    public static IServiceCollection AddStartupStep<TStep>(this IServiceCollection services)
        where TStep : class, IStartupStep
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupStep, TStep>());
        return services.AddStartupRunner();
    }

    /// <summary>The runner alone, once however often it is asked for; <see cref="AddStartupStep{TStep}"/> adds it too.</summary>
    public static IServiceCollection AddStartupRunner(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<StartupRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<StartupRunner>());
        return services;
    }
}
