using FacePortal.Core.Configuration;
using FacePortal.Core.Data;
using FacePortal.Web.Accounts.SqlServer;
using FacePortal.Web.Accounts.Sqlite;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Web.Accounts;

/// <summary>Identity on EF Core, the sign-in cookie, and the authorization policies.</summary>
public static class AccountsRegistration
{
    public static IServiceCollection AddPortalAccounts(this IServiceCollection services)
    {
        services.AddValidatedOptions<FirstAdminOptions>(FirstAdminOptions.Section);

        // The accounts live in the people's database, under their own migration history; the
        // provider is chosen when a context is first needed, after the settings were validated.
        services.AddDbContext<SqliteAccountsDbContext>((sp, o) =>
            o.UseSqlite(sp.GetRequiredService<DatabaseOptions>().RequiredConnectionString, s => s.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable)));
        services.AddDbContext<SqlServerAccountsDbContext>((sp, o) =>
            o.UseSqlServer(sp.GetRequiredService<DatabaseOptions>().RequiredConnectionString, s => s.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable).EnableRetryOnFailure()));
        services.AddScoped<AccountsDbContext>(sp => sp.GetRequiredService<DatabaseOptions>().Provider == DatabaseProvider.SqlServer
            ? sp.GetRequiredService<SqlServerAccountsDbContext>()
            : sp.GetRequiredService<SqliteAccountsDbContext>());

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<PortalUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // A locked, deleted or demoted account loses its open sessions within a minute (security stamp check).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
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
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(Policies.User, p => p.RequireAuthenticatedUser().RequireRole(Roles.User, Roles.Admin));

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddSingleton<UserAdministration>();
        services.AddScoped<CurrentUser>();
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
