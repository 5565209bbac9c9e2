using FacePortal.Core.Auditing;

namespace FacePortal.Web.Accounts;

/// <summary>At start-up: applies the accounts migrations, creates the roles and, on a new installation, the first admin.</summary>
public static class FirstAdminSeeder
{
    public static async Task SeedAsync(IServiceProvider services, FirstAdminOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        await db.Database.MigrateAsync(cancellationToken);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create the {role} role");
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var generated = string.IsNullOrEmpty(options.Password);
        var password = generated ? PasswordGenerator.Generate() : options.Password!;
        var admin = await users.FindByNameAsync(options.UserName);
        if (admin is null)
        {
            admin = new PortalUser { UserName = options.UserName, CreatedAt = DateTime.UtcNow };
            Check(await users.CreateAsync(admin, password), $"create the first admin '{options.UserName}'");
        }
        else
        {
            // An account of that name exists without the role (demoted by hand): give the role back, keep its password.
            generated = false;
        }

        Check(await users.AddToRolesAsync(admin, Roles.All), "give the first admin its roles");
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(
            AuditEntry.SystemActor, AuditActions.UserCreated, admin.Id, $"Created the first administrator '{admin.UserName}'.", cancellationToken);

        if (generated)
        {
            // Printed, not logged: a log shipper should not carry it. It works once; the admin changes it after signing in.
            Console.WriteLine();
            Console.WriteLine("==================================================================");
            Console.WriteLine($" FacePortal created the first administrator '{admin.UserName}'.");
            Console.WriteLine($" One-time password: {password}");
            Console.WriteLine(" Sign in and change it under Account > Change password.");
            Console.WriteLine("==================================================================");
            Console.WriteLine();
            logger.LogWarning("Created the first administrator '{UserName}' with a generated password (printed on the console)", admin.UserName);
        }
        else
        {
            logger.LogInformation("Created the first administrator '{UserName}' from configuration", admin.UserName);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
