using FacePortal.Core.Applications;
using FacePortal.Core.Auditing;
using FacePortal.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FacePortal.Core.Tests.Applications;

/// <summary>Application keys on Core's real services and a real SQLite file: issue, check, revoke, rotate and expire, each audited.</summary>
public sealed class ApplicationKeysTests
{
    private const string Actor = CoreServices.Actor;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_issued_key_authenticates_with_its_scopes_and_only_its_hash_is_stored()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var keys = core.Get<ApplicationKeys>();

        var issued = (await keys.CreateAsync("  Door  camera ", ApplicationScopes.Recognize | ApplicationScopes.Detect, null, Actor, Ct)).Value;
        var known = await keys.AuthenticateAsync(issued.Key, Ct);

        Assert.True(known.Succeeded, known.Error);
        Assert.Equal(new AuthenticatedApplication(issued.Id, "Door camera", issued.Prefix, ApplicationScopes.Recognize | ApplicationScopes.Detect), known.Value with { Galleries = [] });

        // A key created without galleries is bound to Main, as every key was before galleries existed.
        Assert.Equal([FacePortal.Core.Galleries.Gallery.DefaultId], known.Value.Galleries);
        Assert.StartsWith($"fpk_{issued.Prefix}_", issued.Key, StringComparison.Ordinal);
        var row = await core.QueryAsync(db => db.ApplicationKeys.SingleAsync(Ct));
        Assert.DoesNotContain(issued.Key, $"{row.Prefix}|{Convert.ToBase64String(row.Salt)}|{Convert.ToBase64String(row.SecretHash)}", StringComparison.Ordinal);
        var summary = Assert.Single(await keys.ListAsync(Ct));
        Assert.Equal(["detect", "recognize"], summary.Scopes);
        Assert.Null(summary.ExpiresAt);
        var audit = await core.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.ApplicationKeyCreated, Ct));
        Assert.Equal($"Created application key 'Door camera' ({issued.Prefix}) with scopes detect, recognize for the galleries Main, never expiring.", audit.Details);
    }

    [Fact]
    public async Task A_wrong_secret_and_a_string_that_is_no_key_are_refused()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var keys = core.Get<ApplicationKeys>();
        var issued = (await keys.CreateAsync("Door", ApplicationScopes.Verify, null, Actor, Ct)).Value;
        var last = issued.Key[^1];
        var tampered = issued.Key[..^1] + (last == 'A' ? 'B' : 'A');

        var wrong = await keys.AuthenticateAsync(tampered, Ct);
        var garbage = await keys.AuthenticateAsync("hello", Ct);

        Assert.Equal("The application key is not known; it may have been rotated.", wrong.Error);
        Assert.Equal("The X-Api-Key header does not hold a FacePortal application key.", garbage.Error);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_from_the_next_check_and_cannot_be_rotated()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var keys = core.Get<ApplicationKeys>();
        var issued = (await keys.CreateAsync("Door", ApplicationScopes.Verify, null, Actor, Ct)).Value;
        Assert.True((await keys.AuthenticateAsync(issued.Key, Ct)).Succeeded);

        Assert.True(await keys.RevokeAsync(issued.Id, Actor, Ct));
        Assert.True(await keys.RevokeAsync(issued.Id, Actor, Ct));
        Assert.False(await keys.RevokeAsync(Guid.NewGuid(), Actor, Ct));

        var refused = await keys.AuthenticateAsync(issued.Key, Ct);
        Assert.Equal("The application key 'Door' was revoked at 2026-12-01 09:00:00Z.", refused.Error);
        Assert.Equal("The key 'Door' is revoked; create a new one instead.", (await keys.RotateAsync(issued.Id, Actor, Ct))!.Error);
        Assert.Null(await keys.RotateAsync(Guid.NewGuid(), Actor, Ct));

        // Revoking twice is recorded once; the name is free again for a new key.
        Assert.Equal(1, await core.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.ApplicationKeyRevoked, Ct)));
        Assert.True((await keys.CreateAsync("Door", ApplicationScopes.Verify, null, Actor, Ct)).Succeeded);
    }

    [Fact]
    public async Task Rotating_gives_a_new_secret_for_the_same_key_and_the_old_one_stops_at_once()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var keys = core.Get<ApplicationKeys>();
        var issued = (await keys.CreateAsync("Door", ApplicationScopes.PeopleRead, null, Actor, Ct)).Value;

        var rotated = (await keys.RotateAsync(issued.Id, Actor, Ct))!.Value;

        Assert.Equal(issued.Id, rotated.Id);
        Assert.NotEqual(issued.Prefix, rotated.Prefix);
        Assert.NotEqual(issued.Key, rotated.Key);
        Assert.Equal("The application key is not known; it may have been rotated.", (await keys.AuthenticateAsync(issued.Key, Ct)).Error);
        var now = await keys.AuthenticateAsync(rotated.Key, Ct);
        Assert.Equal((issued.Id, "Door", ApplicationScopes.PeopleRead), (now.Value.Id, now.Value.Name, now.Value.Scopes));
        Assert.Single(await keys.ListAsync(Ct));
    }

    [Fact]
    public async Task A_key_works_until_its_expiry_and_is_refused_from_then_on()
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var keys = core.Get<ApplicationKeys>();
        var expiry = core.Clock.GetUtcNow().UtcDateTime.AddDays(30);
        var issued = (await keys.CreateAsync("Kiosk", ApplicationScopes.Detect, expiry, Actor, Ct)).Value;

        core.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.True((await keys.AuthenticateAsync(issued.Key, Ct)).Succeeded);

        core.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("The application key 'Kiosk' expired at 2026-12-31 09:00:00Z.", (await keys.AuthenticateAsync(issued.Key, Ct)).Error);
    }

    [Theory]
    [InlineData("", ApplicationScopes.Detect, 1, "Enter a name for the key.")]
    [InlineData("Door", ApplicationScopes.None, 1, "Give the key at least one scope.")]
    [InlineData("Door", ApplicationScopes.Detect, -1, "The expiry must be in the future.")]
    [InlineData("Taken", ApplicationScopes.Detect, 1, "A key named 'Taken' exists already; revoke it or choose another name.")]
    [InlineData("Do\u202Eor", ApplicationScopes.Detect, 1, null)]
    public async Task A_key_is_not_created_with_a_bad_name_no_scope_a_past_expiry_or_a_name_in_use(string name, ApplicationScopes scopes, int expiresInDays, string? error)
    {
        await using var core = await CoreServices.StartAsync(Ct);
        var keys = core.Get<ApplicationKeys>();
        Assert.True((await keys.CreateAsync("Taken", ApplicationScopes.Detect, null, Actor, Ct)).Succeeded);

        var refused = await keys.CreateAsync(name, scopes, core.Clock.GetUtcNow().UtcDateTime.AddDays(expiresInDays), Actor, Ct);

        Assert.False(refused.Succeeded);
        if (error is not null)
        {
            Assert.Equal(error, refused.Error);
        }

        Assert.Single(await keys.ListAsync(Ct));
    }
}
