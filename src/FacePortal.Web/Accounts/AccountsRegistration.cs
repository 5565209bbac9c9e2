using FacePortal.Web.Accounts.Postgres;
using FacePortal.Web.Accounts.SqlServer;
using FacePortal.Web.Accounts.Sqlite;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace FacePortal.Web.Accounts;

/// <summary>Identity on EF Core, the sign-in cookie, and the authorization policies.</summary>
public static class AccountsRegistration
{
    /// <summary>Failed passwords that lock an account for 15 minutes; above the per-address limit of <see cref="SignInThrottle"/>.</summary>
    public const int LockoutThreshold = 10;

    public static IServiceCollection AddPortalAccounts(this IServiceCollection services)
    {
        services.AddValidatedOptions<FirstAdminOptions>(FirstAdminOptions.Section);
        services.AddStartupStep<FirstAdminStep>();

        // The accounts live in the people's database, under their own migration history; the
        // provider is chosen when a context is first needed, after the settings were validated.
        services.AddDbContext<SqliteAccountsDbContext>((sp, o) =>
            o.UseSqlite(sp.GetRequiredService<DatabaseOptions>().RequiredConnectionString, s => s.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable)));
        services.AddDbContext<SqlServerAccountsDbContext>((sp, o) =>
            o.UseSqlServer(sp.GetRequiredService<DatabaseOptions>().RequiredConnectionString, s => s.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable).EnableRetryOnFailure()));
        services.AddDbContext<PostgresAccountsDbContext>((sp, o) =>
            o.UseNpgsql(sp.GetRequiredService<DatabaseOptions>().RequiredConnectionString, s => s.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable)));
        services.AddScoped<AccountsDbContext>(sp => sp.GetRequiredService<DatabaseOptions>().Provider switch
        {
            DatabaseProvider.SqlServer => sp.GetRequiredService<SqlServerAccountsDbContext>(),
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresAccountsDbContext>(),
            _ => sp.GetRequiredService<SqliteAccountsDbContext>(),
        });

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<PortalUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = LockoutThreshold;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // The cookie's security stamp is checked on every request (one indexed lookup), so a locked,
        // deleted or demoted account is refused on its next call; open hubs and circuits end through AccountSessions.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddSingleton<AccountSessions>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Cookie.Name = "FacePortal.Auth";
            o.Cookie.HttpOnly = true;

            // Strict keeps the cookie off every cross-site request, which is the API's CSRF defence.
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);

            // Signing in on the login page redirects to its ReturnUrl here, before the page does: the same check applies.
            o.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(LocalReturnUrl.Normalize(context.RedirectUri));
                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(Policies.User, p => p.RequireAuthenticatedUser().RequireRole(Roles.User, Roles.Admin));

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddSingleton<UserAdministration>();
        services.AddScoped<CurrentUser>();
        services.AddValidatedOptions<SignInThrottleOptions>("FacePortal:SignIn");
        services.AddSingleton<SignInThrottle>();
        return services;
    }

    /// <summary>API and hub callers get a status code; browsers navigating to a page get the login page.</summary>
    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
