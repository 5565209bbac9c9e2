namespace FacePortal.Web.Accounts;

/// <summary>The accounts' migrations, the roles and, on a new installation, the first admin (<see cref="FirstAdminSeeder"/>), before anyone can sign in.</summary>
public sealed class FirstAdminStep(IServiceProvider services, ILogger<FirstAdminStep> logger) : IStartupStep
{
    public string Name => "migrate the accounts and seed the first admin";

    public int Order => StartupOrder.Accounts;

    public Task RunAsync(CancellationToken cancellationToken) =>
        FirstAdminSeeder.SeedAsync(services, services.GetRequiredService<FirstAdminOptions>(), logger, cancellationToken);
}
