using System.Net;
using System.Text.Json;
using FacePortal.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace FacePortal.Web.Tests.Observability;

/// <summary>/healthz names each dependency separately, anonymously, and adds Redis only when the app uses it.</summary>
public sealed class HealthEntriesTests
{
    [Fact]
    public async Task Healthz_lists_database_job_storage_blob_store_models_and_disk_without_redis_when_it_is_not_used()
    {
        await using var factory = new FacePortalFactory();
        using var client = factory.CreateClient();

        var (status, json) = await GetHealthAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal(
            ["blob-store", "database", "disk-space", "face-pipeline", "job-storage"],
            checks.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
        var jobs = checks.GetProperty("job-storage").GetProperty("data");
        Assert.Equal("InMemoryStorage", jobs.GetProperty("storage").GetString());
        Assert.True(jobs.GetProperty("servers").GetInt64() >= 1, "the web app's own job server is registered");
    }

    [Fact]
    public async Task With_redis_in_use_an_unreachable_redis_is_its_own_unhealthy_entry()
    {
        // A real client against a port nothing listens on; abortConnect=false is how the app connects too (it keeps retrying).
        using var redis = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:1,abortConnect=false,connectTimeout=500,syncTimeout=1000,asyncTimeout=1000");
        await using var factory = new FacePortalFactory();
        using var client = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IConnectionMultiplexer>(redis))).CreateClient();

        var (status, json) = await GetHealthAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Unhealthy", checks.GetProperty("redis").GetProperty("status").GetString());
        Assert.StartsWith("Redis does not answer", checks.GetProperty("redis").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("job-storage").GetProperty("status").GetString());
    }

    private static async Task<(HttpStatusCode Status, JsonDocument Json)> GetHealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (response.StatusCode, json);
    }
}
