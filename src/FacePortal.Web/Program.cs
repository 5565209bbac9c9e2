using System.Text.Json.Serialization;
using FacePortal.Core.Data;
using FacePortal.Core.Recognition;
using FacePortal.Core.Storage;
using FacePortal.Shared.Models;
using FacePortal.Web.Accounts;
using FacePortal.Web.Components;
using FacePortal.Web.Hosting;
using FacePortal.Web.Live;
using FacePortal.Web.People;
using FacePortal.Web.Recognition;
using FacePortal.Web.Training;
using Microsoft.EntityFrameworkCore;
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

var dataDirectory = PortalPaths.DataDirectory(builder.Configuration, builder.Environment);
var database = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
if (string.IsNullOrWhiteSpace(database.ConnectionString) && builder.Configuration.GetConnectionString("FacePortal") is { Length: > 0 } connectionString)
{
    database = database with { ConnectionString = connectionString };
}

builder.Services.AddPeople(builder.Configuration, database, dataDirectory);
builder.Services.AddPortalAccounts(database, dataDirectory);
builder.Services.AddRecognition(builder.Configuration);
builder.Services.AddPhotoAnalysisLimits();
builder.Services.AddSingleton(new RequestBuffers(Path.Combine(dataDirectory, "tmp")));
builder.Services.AddSingleton<IdleMemoryTrim>();
builder.Services.AddLiveRecognition(builder.Configuration);
builder.Services.AddTraining(builder.Configuration);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddProblemDetails();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

var app = builder.Build();

var clock = app.Services.GetRequiredService<TimeProvider>();
var collected = await DatabaseInitializer.InitializeAsync(
    app.Services.GetRequiredService<IDbContextFactory<FacePortalDbContext>>(), app.Services.GetRequiredService<BlobStore>(), clock.GetUtcNow().UtcDateTime);
if (collected > 0)
{
    startupLogger.LogWarning("Removed {Count} orphaned file(s) from the blob store", collected);
}

await FirstAdminSeeder.SeedAsync(
    app.Services, builder.Configuration.GetSection("FacePortal:Admin").Get<FirstAdminOptions>() ?? new FirstAdminOptions(), startupLogger);
startupLogger.LogInformation("Data directory {DataDirectory}; database provider {Provider}", dataDirectory, database.Provider);
var gallery = await app.Services.GetRequiredService<RecognitionGallery>().GetIndexAsync();
var models = app.Services.GetRequiredService<ActiveModelService>();
await models.LoadAsync();
startupLogger.LogInformation(
    "Recognition gallery: {Faces} face(s) of {People} people; recognizer: {Recognizer}", gallery.FaceCount, gallery.PersonCount, models.Current?.Description ?? "gallery");

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseStatusCodePages(async context =>
{
    // API callers get problem details for bare status codes (401, 403, 404, 413...).
    if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
    {
        await Results.Problem(statusCode: context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext);
    }
});
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

// The login page needs its stylesheet before anyone has signed in; static assets hold no data.
app.MapStaticAssets().AllowAnonymous();
app.MapHealthChecks("/healthz", HealthResponse.Options).AllowAnonymous();
app.MapAccountEndpoints();
app.MapPeopleApi();
app.MapMediaApi();
app.MapTransferApi();
app.MapRecognitionApi();
app.MapLiveRecognition();
app.MapTrainingApi();
app.MapTrainingDashboard();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
return 0;

/// <summary>Entry point type for WebApplicationFactory in the functional tests.</summary>
public partial class Program;
