using FacePortal.Shared.Models;
using FacePortal.Web.Components;
using FacePortal.Web.Hosting;
using FacePortal.Web.Pipeline;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

// Serves package assets (MudBlazor) from a plain build as well as from a publish; a no-op once published.
builder.WebHost.UseStaticWebAssets();

using var startupLoggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
var startupLogger = startupLoggerFactory.CreateLogger("FacePortal.Startup");
try
{
    builder.Services.AddFacePipeline(builder.Configuration, startupLogger);
}
catch (ModelFileException ex)
{
    // A missing or altered model must stop start-up with a message a person can act on.
    startupLogger.LogCritical("{Message}", ex.Message);
    Console.Error.WriteLine($"FacePortal cannot start: {ex.Message}");
    return 1;
}

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseAntiforgery();
app.MapStaticAssets();
app.MapHealthChecks("/healthz", HealthResponse.Options);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
return 0;

/// <summary>Entry point type for WebApplicationFactory in the functional tests.</summary>
public partial class Program;
