using Bunit.TestDoubles;
using Bunit;
using FacePortal.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace FacePortal.Web.Tests.Support;

/// <summary>
/// A bUnit test of a page on the real app (its database, models and queue), signed in as <paramref name="userName"/>:
/// whatever the test context does not provide itself comes from <see cref="App"/>.
/// </summary>
public abstract class AppComponentTest : BunitContext
{
    protected AppComponentTest(string userName = FacePortalFactory.AdminName)
    {
        // Pages here read a real database (PostgreSQL in its leg), whose first queries can take longer than bUnit's 1 s default.
        DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Authorization = AddAuthorization();
        Authorization.SetAuthorized(userName);
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<FacePortal.Web.Components.Shared.UserTime>();
        Services.AddFallbackServiceProvider(App.Services);
        Render<MudPopoverProvider>();
    }

    protected FacePortalFactory App { get; } = new();

    /// <summary>The signed-in account's roles and claims, for tests that need more than its name.</summary>
    protected BunitAuthorizationContext Authorization { get; }

    protected override async ValueTask DisposeAsyncCore()
    {
        // The pages and their refresh loops go before the app they read from.
        await DisposeComponentsAsync();
        await base.DisposeAsyncCore();
        await App.DisposeAsync();
    }
}
