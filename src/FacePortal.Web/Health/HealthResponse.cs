using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace FacePortal.Web.Health;

/// <summary>/healthz answers with JSON: overall status and each check's description and data.</summary>
public static class HealthResponse
{
    public static HealthCheckOptions Options { get; } = new()
    {
        ResponseWriter = async (context, report) =>
        {
            context.Response.ContentType = "application/json";
            var body = new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(
                    e => e.Key,
                    e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
            };
            await JsonSerializer.SerializeAsync(context.Response.Body, body, JsonOptions).ConfigureAwait(false);
        },
    };

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
