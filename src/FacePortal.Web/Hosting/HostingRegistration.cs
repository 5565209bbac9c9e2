using System.Text.Json.Serialization;
using FacePortal.Shared.Models;
using FacePortal.Web.Errors;
using FacePortal.Web.Health;
using FacePortal.Web.Security;
using Microsoft.Extensions.Options;

namespace FacePortal.Web.Hosting;

/// <summary>The web node's own start-up steps, its health report, and the conventions every API endpoint shares.</summary>
public static class HostingRegistration
{
    public static IServiceCollection AddPortalHosting(this IServiceCollection services)
    {
        // After the node's shared steps (AddFacePortalNode): the warm-up follows the models, the buffers the database.
        services.AddStartupStep<PipelineWarmupStep>();
        services.AddStartupStep<RequestBufferSweepStep>();

        // Created by PipelineWarmupStep, which is what runs the warm-up inference.
        services.AddSingleton(sp => new PipelineStatus(sp.GetRequiredService<FaceModels>(), PipelineWarmup.Run(sp.GetRequiredService<FacePipeline>())));
        services.AddValidatedOptions<HealthOptions>(HealthOptions.Section);
        services.AddHealthChecks()
            .AddCheck<FacePipelineHealthCheck>("face-pipeline")
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<BlobStoreHealthCheck>("blob-store")
            .AddCheck<DiskSpaceHealthCheck>("disk-space")
            .AddCheck<JobStorageHealthCheck>("job-storage");
        RedisHealthCheck.RegisterWhenRedisIsUsed(services);

        services.AddSingleton(sp => new RequestBuffers(sp.GetRequiredService<DataDirectory>().Combine("tmp")));
        services.AddSingleton<IdleMemoryTrim>();

        // Leftovers of interrupted requests and writes are removed at start-up and then periodically.
        services.AddValidatedOptions<StorageSweepOptions>(StorageSweepOptions.Section);
        services.AddSingleton<StorageSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageSweeper>());

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();

        // UseExceptionHandler("/error") asks it first: problem details for the API, the error page for pages.
        services.AddExceptionHandler<PortalExceptionHandler>();

        services.AddAntiforgery(o =>
        {
            o.HeaderName = ApiAntiforgery.HeaderName;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>HSTS and the redirect to HTTPS when HTTPS is configured, then <see cref="SecurityHeaders"/>; first in the pipeline, so every answer has them.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (SecurityHeaders.HttpsConfigured(app.Configuration))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        return app.UseMiddleware<SecurityHeaders>();
    }

    /// <summary>After authentication and authorization: the check needs to know how the caller signed in.</summary>
    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app) => app.UseMiddleware<ApiAntiforgery>();

    /// <summary>
    /// Checks every setting now, all together, instead of when the host starts: mapping the live hub
    /// already reads one, and a wrong setting should be reported as such, not as a failed start.
    /// </summary>
    public static void ValidateSettings(this WebApplication app) =>
        app.Services.GetRequiredService<IStartupValidator>().Validate();

    public static IEndpointConventionBuilder MapPortalHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/healthz", HealthResponse.Options).AllowAnonymous();
}
