using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FacePortal.TestSupport;
using FacePortal.Web.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Integration;

/// <summary>
/// The integration API's OpenAPI document covers every /api/v1 endpoint and stays as committed in
/// openapi-v1.json beside this file. To accept a deliberate change of the contract, run this class with
/// FACEPORTAL_UPDATE_OPENAPI_SNAPSHOT=1, which rewrites the snapshot, and review its diff.
/// </summary>
public sealed class OpenApiDocumentTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    public const string UpdateVariable = "FACEPORTAL_UPDATE_OPENAPI_SNAPSHOT";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string SnapshotPath => Path.Combine(RepoLocations.Root, "tests", "FacePortal.Web.Tests", "Integration", "openapi-v1.json");

    [Fact]
    public async Task Every_v1_endpoint_is_in_the_document_with_its_errors_and_the_key_scheme()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!.AsObject();
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(IntegrationApi.Prefix, StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: Normalize(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .ToList();

        Assert.True(endpoints.Count >= 14, $"{endpoints.Count} endpoints");
        foreach (var (path, method) in endpoints)
        {
            Assert.True(paths.ContainsKey(path), $"{path} is not in the document");
            var operation = paths[path]![method];
            Assert.True(operation is not null, $"{method} {path} is not in the document");
            var responses = operation!["responses"]!.AsObject();
            Assert.True(responses.ContainsKey("401") && responses.ContainsKey("403"), $"{method} {path} lacks 401/403");
            Assert.All(responses.Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')), r =>
                Assert.NotNull(r.Value!["content"]?["application/problem+json"]));
        }

        Assert.Equal("3.1.1", document["openapi"]!.GetValue<string>()[..5]);
        Assert.Equal("X-Api-Key", document["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>());
        Assert.NotNull(paths["/api/v1/detect"]!["post"]!["security"]);
    }

    [Fact]
    public async Task The_document_equals_the_committed_snapshot()
    {
        var actual = (await DocumentAsync()).ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(SnapshotPath, actual, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(SnapshotPath), $"No snapshot at {SnapshotPath}; run with {UpdateVariable}=1 to write it.");
        var expected = (await File.ReadAllTextAsync(SnapshotPath, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n");
        Assert.True(expected == actual, $"The OpenAPI document changed. If that is intended, run this test with {UpdateVariable}=1 and commit {SnapshotPath}.");
    }

    [Fact]
    public async Task The_document_needs_a_key_or_an_admin_and_the_reference_page_an_admin()
    {
        using var anonymous = fixture.Factory.CreateBrowserlessClient();
        using var noKey = await anonymous.GetAsync(new Uri(ApiDocument.Path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);

        using var key = await fixture.KeyClientAsync(Core.Applications.ScopeNames.Detect);
        using var withKey = await key.GetAsync(new Uri(ApiDocument.Path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);

        using var user = await fixture.Factory.SignInAsUserAsync();
        using var asUser = await user.GetAsync(new Uri(ApiDocument.ReferencePath, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, asUser.StatusCode);
        Assert.Contains("/account/denied", asUser.Headers.Location?.OriginalString, StringComparison.Ordinal);

        using var admin = await fixture.Factory.SignInAsync();
        using var asAdmin = await admin.GetAsync(new Uri(ApiDocument.ReferencePath + "/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(asAdmin.StatusCode == HttpStatusCode.OK, $"{asAdmin.StatusCode} {asAdmin.Headers.Location}");
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var admin = await fixture.Factory.SignInAsync();
        using var response = await admin.GetAsync(new Uri(ApiDocument.Path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Route constraints are not part of an OpenAPI path: /people/{id:guid} is /people/{id}.</summary>
    private static string Normalize(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route.TrimEnd('/'), @"\{(\w+)(:[^}]+)?\}", "{$1}");
}
