namespace FacePortal.Web.Applications;

/// <summary>Application keys over HTTP, for a signed-in admin: create (the secret answered once), list, revoke, rotate.</summary>
public static class ApplicationsEndpoints
{
    public static RouteGroupBuilder MapApplicationsApi(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var api = v1.MapGroup("/applications").RequireSignedInAdmin().WithTags("Applications");

        api.MapPost("/", CreateAsync)
            .WithRequestExample("application/json", """{"name":"Door controller","scopes":["verify","people:read"],"expiresAt":"2027-06-30T00:00:00Z","galleries":["Main"]}""")
            .WithSummary("Create an application key")
            .WithDescription("Answers the key's secret once; only its salted hash is stored. The key is bound to the galleries named (ids or names; "
                + "default: Main): one for an application, several for admin tools, which then name the gallery per request. Signed-in admins only (with the antiforgery header).")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/", async (ApplicationKeys keys, CancellationToken ct) => TypedResults.Ok((await keys.ListAsync(ct)).Select(ApplicationResponse.From).ToList()))
            .WithSummary("List application keys")
            .WithDescription("Every key with its prefix, scopes, expiry, last use and request counts; never a secret.");

        api.MapDelete("/{id:guid}", async (Guid id, ApplicationKeys keys, ClaimsPrincipal user, CancellationToken ct) =>
                await keys.RevokeAsync(id, ActorName.Of(user), ct) ? TypedResults.NoContent() : (Results<NoContent, ProblemHttpResult>)ApiProblems.NotFound("application key"))
            .WithSummary("Revoke an application key")
            .WithDescription("The key is refused (401) from the next request on.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{id:guid}/rotate", RotateAsync)
            .WithSummary("Rotate an application key")
            .WithDescription("A new secret for the same key (name, scopes, counts); the old secret is refused from the next request on.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private static async Task<Results<Created<IssuedKeyResponse>, ProblemHttpResult>> CreateAsync(
        CreateApplicationRequest body, ApplicationKeys keys, GalleryService galleries, ClaimsPrincipal user, CancellationToken ct)
    {
        var scopes = ScopeNames.Parse(body.Scopes);
        if (!scopes.Succeeded)
        {
            return ApiProblems.BadRequest(scopes.Error);
        }

        List<Guid> bound = [];
        foreach (var named in body.Galleries is { Count: > 0 } list ? list : [Gallery.DefaultId.ToString()])
        {
            if (await galleries.FindAsync(named ?? string.Empty, ct) is not { } galleryId)
            {
                return ApiProblems.BadRequest($"There is no gallery '{named}'.");
            }

            bound.Add(galleryId);
        }

        var created = await keys.CreateAsync(body.Name, scopes.Value, body.ExpiresAt?.UtcDateTime, ActorName.Of(user), bound, ct);
        return created.Succeeded
            ? TypedResults.Created($"{IntegrationApi.Prefix}/applications/{created.Value.Id}", IssuedKeyResponse.From(created.Value))
            : ApiProblems.BadRequest(created.Error);
    }

    private static async Task<Results<Ok<IssuedKeyResponse>, ProblemHttpResult>> RotateAsync(Guid id, ApplicationKeys keys, ClaimsPrincipal user, CancellationToken ct) =>
        await keys.RotateAsync(id, ActorName.Of(user), ct) switch
        {
            null => ApiProblems.NotFound("application key"),
            { Succeeded: false } refused => ApiProblems.BadRequest(refused.Error),
            var rotated => TypedResults.Ok(IssuedKeyResponse.From(rotated.Value)),
        };
}

/// <summary>A new key: its name, scopes (detect, recognize, verify, people:read, people:write), optional expiry and galleries (ids or names; default Main).</summary>
public sealed record CreateApplicationRequest(string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt, IReadOnlyList<string>? Galleries = null);

/// <summary>The key's secret, shown this once: send it as X-Api-Key.</summary>
public sealed record IssuedKeyResponse(Guid Id, string Key, string Prefix)
{
    public static IssuedKeyResponse From(IssuedApplicationKey key) => new(key.Id, key.Key, key.Prefix);
}

/// <summary>A key as listed.</summary>
public sealed record ApplicationResponse(
    Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedAt, string CreatedBy, DateTime? ExpiresAt, DateTime? RevokedAt,
    DateTime? LastUsedAt, long RequestCount, long ThrottledCount, long ForbiddenCount, IReadOnlyList<Guid> Galleries)
{
    public static ApplicationResponse From(ApplicationKeySummary key) => new(
        key.Id, key.Name, key.Prefix, key.Scopes, key.CreatedAt, key.CreatedBy, key.ExpiresAt, key.RevokedAt, key.LastUsedAt, key.RequestCount, key.ThrottledCount, key.ForbiddenCount, key.Galleries);
}
