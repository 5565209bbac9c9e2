using FacePortal.Core.Jobs;
using FacePortal.Shared.Installation;
using FacePortal.Web.Components;
using FacePortal.Web.CompreFace;
using FacePortal.Web.Errors;
using FacePortal.Web.Hosting;
using FacePortal.Web.Security;
using FacePortal.Web.Recognition.Live;
using FacePortal.Web.Observability;
using FacePortal.Web.ScaleOut;
using FacePortal.Web.Training;
using MudBlazor.Services;

// Settings, models and data are found from the install, not the working directory (a service manager may start us anywhere).
var install = InstallLocation.Current;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = install.ContentRootUnlessGiven(args) });

// Serves package assets (MudBlazor) from a plain build as well as from a publish; a no-op once published.
builder.WebHost.UseStaticWebAssets();

var dataDirectory = install.DataDirectory(builder.Configuration["FacePortal:DataDirectory"]);
// Core, the job storage, Redis, telemetry and the shared start-up steps, as ./faceportal worker has them.
builder.Services.AddFacePortalNode(builder.Configuration, dataDirectory, JobHostRole.Web);
builder.Services.AddPortalHosting();
builder.Services.AddPortalReverseProxy();
builder.Services.AddPortalScaleOut(builder.Configuration, dataDirectory);
builder.Services.AddPortalObservability(builder.Configuration);
builder.Services.AddPortalAccounts();
builder.Services.AddApplicationKeys();
builder.Services.AddGalleries();
builder.Services.AddApiDocument();
builder.Services.AddRecognition();
builder.Services.AddCompreFace();
builder.Services.AddLiveRecognition();
builder.Services.AddTraining();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddScoped<FacePortal.Web.Components.Shared.UserTime>();

try
{
    // Building reads settings too (the shutdown timeout follows FacePortal:Jobs:ShutdownTimeout), so a wrong one is told in one line as well.
    var app = builder.Build();
    app.ValidateSettings();
    app.UseReverseProxyHeaders();
    app.UseSecurityHeaders();

    if (!app.Environment.IsDevelopment())
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
    }

    app.UseStatusCodePages(ApiProblems.ForBareStatusCodes);
    app.UseNotFoundPage();
    // Explicit, after the status-code pages: a re-executed request (/not-found) must be routed again.
    app.UseRouting();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseApiAntiforgery();
    app.UseSameOriginSockets();
    app.UseRateLimiter();
    app.UseAntiforgery();
    app.UseVendorPageLanguage(ApiDocument.ReferencePath, TrainingRegistration.DashboardPath);

    // The login page needs its stylesheet before anyone has signed in; static assets hold no data.
    app.MapStaticAssets().AllowAnonymous();
    app.MapPortalHealth();
    app.MapPortalMetrics();
    app.MapAccountEndpoints();
    app.MapIntegrationApi();
    app.MapApiDocument();
    app.MapLiveRecognition();
    app.MapTraining();
    // SecurityHeaders sends the whole policy, frame-ancestors included; Blazor's own would be a second header.
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

    // The start-up steps (StartupRunner) are done before the server listens.
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Explain(ex) is { } reason)
{
    // A missing or altered model file, or a wrong setting: one line a person can act on.
    await Console.Error.WriteLineAsync($"FacePortal cannot start: {reason}");
    return 1;
}

/// <summary>Entry point type for WebApplicationFactory in the functional tests.</summary>
public partial class Program;
