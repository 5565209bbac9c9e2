using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FacePortal.Core.Applications;
using FacePortal.Core.Auditing;
using FacePortal.Web.Applications;
using FacePortal.Web.Tests.Integration;
using FacePortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Applications;

/// <summary>Keys managed over HTTP by a signed-in admin, and what a key's life means for its callers.</summary>
public sealed class ApplicationKeysApiTests(IntegrationFixture fixture) : IClassFixture<IntegrationFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_creates_lists_and_revokes_a_key_and_the_secret_is_answered_once_and_stored_only_hashed()
    {
        using var admin = await fixture.Factory.SignInAsync();
        using var created = await admin.PostAsJsonAsync(
            new Uri("/api/v1/applications", UriKind.Relative), new { name = "Door controller", scopes = new[] { "verify", "people:read" }, expiresAt = DateTimeOffset.UtcNow.AddDays(30) }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var issued = await ApiBodies.OkAsync<IssuedKeyResponse>(created);
        Assert.StartsWith($"fpk_{issued.Prefix}_", issued.Key, StringComparison.Ordinal);

        var row = await fixture.Factory.QueryAsync(db => db.ApplicationKeys.SingleAsync(k => k.Id == issued.Id, Ct));
        Assert.Equal(32, row.SecretHash.Length);
        Assert.DoesNotContain(issued.Key[^43..], Convert.ToBase64String(row.SecretHash), StringComparison.Ordinal);

        using var listed = await admin.GetAsync(new Uri("/api/v1/applications", UriKind.Relative), Ct);
        var listText = await listed.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(issued.Key, listText, StringComparison.Ordinal);
        var entry = Assert.Single(JsonSerializer.Deserialize<List<ApplicationResponse>>(listText, ApiJson.Options)!, k => k.Id == issued.Id);
        Assert.Equal(["verify", "people:read"], entry.Scopes);
        Assert.Equal(issued.Prefix, entry.Prefix);
        Assert.NotNull(entry.ExpiresAt);

        using var revoked = await admin.DeleteAsync(new Uri($"/api/v1/applications/{issued.Id}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        using var missing = await admin.DeleteAsync(new Uri($"/api/v1/applications/{Guid.NewGuid()}", UriKind.Relative), Ct);
        await ApiBodies.ProblemAsync(missing, 404);

        var audited = await fixture.Factory.QueryAsync(db => db.AuditEntries.Where(e => e.SubjectId == issued.Id.ToString()).Select(e => e.Action).ToListAsync(Ct));
        Assert.Equal([AuditActions.ApplicationKeyCreated, AuditActions.ApplicationKeyRevoked], audited);
    }

    [Fact]
    public async Task Bad_key_requests_are_refused_with_a_sentence_and_only_admins_manage_keys()
    {
        using var admin = await fixture.Factory.SignInAsync();
        using var unknownScope = await admin.PostAsJsonAsync(new Uri("/api/v1/applications", UriKind.Relative), new { name = "x", scopes = new[] { "everything" } }, Ct);
        Assert.Contains("'everything'", await ApiBodies.ProblemAsync(unknownScope, 400), StringComparison.Ordinal);
        using var past = await admin.PostAsJsonAsync(new Uri("/api/v1/applications", UriKind.Relative), new { name = "x", scopes = new[] { "detect" }, expiresAt = DateTimeOffset.UtcNow.AddDays(-1) }, Ct);
        Assert.Contains("future", await ApiBodies.ProblemAsync(past, 400), StringComparison.Ordinal);

        using var user = await fixture.Factory.SignInAsUserAsync();
        using var asUser = await user.GetAsync(new Uri("/api/v1/applications", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, asUser.StatusCode);

        using var withKey = await fixture.KeyClientAsync();
        using var asKey = await withKey.GetAsync(new Uri("/api/v1/applications", UriKind.Relative), Ct);
        Assert.Contains("signed-in administrators", await ApiBodies.ProblemAsync(asKey, 403), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_within_a_second()
    {
        var key = await fixture.CreateKeyAsync("revoked", ScopeNames.PeopleRead);
        using var client = fixture.KeyClient(key.Key);
        using (var before = await client.GetAsync(new Uri("/api/v1/people", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var admin = await fixture.Factory.SignInAsync();
        using var revoke = await admin.DeleteAsync(new Uri($"/api/v1/applications/{key.Id}", UriKind.Relative), Ct);
        var revokedAt = Stopwatch.StartNew();
        using var after = await client.GetAsync(new Uri("/api/v1/people", UriKind.Relative), Ct);

        Assert.Contains("revoked", await ApiBodies.ProblemAsync(after, 401), StringComparison.Ordinal);
        Assert.True(revokedAt.Elapsed < TimeSpan.FromSeconds(1), $"{revokedAt.Elapsed}");
    }

    [Fact]
    public async Task An_expired_key_is_refused()
    {
        var keys = fixture.Factory.Services.GetRequiredService<ApplicationKeys>();
        var created = await keys.CreateAsync($"expiring {Guid.NewGuid():N}", ApplicationScopes.PeopleRead, DateTime.UtcNow.AddSeconds(1), "test", Ct);
        using var client = fixture.KeyClient(created.Value.Key);
        await Task.Delay(TimeSpan.FromSeconds(1.2), Ct);

        using var response = await client.GetAsync(new Uri("/api/v1/people", UriKind.Relative), Ct);
        Assert.Contains("expired", await ApiBodies.ProblemAsync(response, 401), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotating_a_key_refuses_the_old_secret_and_accepts_the_new_one()
    {
        var key = await fixture.CreateKeyAsync("rotated", ScopeNames.PeopleRead);
        using var admin = await fixture.Factory.SignInAsync();
        using var rotate = await admin.PostAsync(new Uri($"/api/v1/applications/{key.Id}/rotate", UriKind.Relative), null, Ct);
        var rotated = await ApiBodies.OkAsync<IssuedKeyResponse>(rotate);

        using var old = fixture.KeyClient(key.Key);
        using var oldAnswer = await old.GetAsync(new Uri("/api/v1/people", UriKind.Relative), Ct);
        await ApiBodies.ProblemAsync(oldAnswer, 401);
        using var fresh = fixture.KeyClient(rotated.Key);
        using var freshAnswer = await fresh.GetAsync(new Uri("/api/v1/people", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, freshAnswer.StatusCode);
        Assert.Equal(key.Id, rotated.Id);
        Assert.NotEqual(key.Prefix, rotated.Prefix);
    }

    [Fact]
    public async Task A_burst_over_the_key_limit_gets_429_with_retry_after_and_every_request_is_counted()
    {
        var key = await fixture.CreateKeyAsync("burst", ScopeNames.PeopleRead);
        using var client = fixture.KeyClient(key.Key);
        var answers = new List<(HttpStatusCode Status, TimeSpan? RetryAfter, string Body)>();
        for (var i = 0; i < IntegrationFixture.Permits + 5; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/v1/people", UriKind.Relative), Ct);
            answers.Add((response.StatusCode, response.Headers.RetryAfter?.Delta, await response.Content.ReadAsStringAsync(Ct)));
        }

        Assert.Equal(IntegrationFixture.Permits, answers.Count(a => a.Status == HttpStatusCode.OK));
        var refused = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(5, refused.Count);
        Assert.All(refused, a =>
        {
            Assert.InRange(a.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
            Assert.Contains("Try again in", a.Body, StringComparison.Ordinal);
        });

        // Another key is not held back by this one's burst.
        using var other = await fixture.KeyClientAsync(ScopeNames.PeopleRead);
        using var otherAnswer = await other.GetAsync(new Uri("/api/v1/people", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, otherAnswer.StatusCode);

        // Counted exactly, before and after the batched write to the database.
        var keys = fixture.Factory.Services.GetRequiredService<ApplicationKeys>();
        var pending = (await keys.GetAsync(key.Id, Ct))!;
        Assert.Equal(IntegrationFixture.Permits + 5, pending.RequestCount);
        Assert.Equal(5, pending.ThrottledCount);
        Assert.NotNull(pending.LastUsedAt);
        await fixture.Factory.Services.GetRequiredService<ApplicationKeyUsage>().FlushAsync(Ct);
        var stored = await fixture.Factory.QueryAsync(db => db.ApplicationKeys.SingleAsync(k => k.Id == key.Id, Ct));
        Assert.Equal(IntegrationFixture.Permits + 5, stored.RequestCount);
        Assert.Equal(5, stored.ThrottledCount);
        var after = (await keys.GetAsync(key.Id, Ct))!;
        Assert.Equal((pending.RequestCount, pending.ThrottledCount, pending.LastUsedAt), (after.RequestCount, after.ThrottledCount, after.LastUsedAt));
    }
}
