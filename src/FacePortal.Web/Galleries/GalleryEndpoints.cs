namespace FacePortal.Web.Galleries;

/// <summary>Galleries over HTTP, for a signed-in admin: list, create, rename, delete (erasing its people), and move a person to another gallery.</summary>
public static class GalleryEndpoints
{
    public static RouteGroupBuilder MapGalleriesApi(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var api = v1.MapGroup("/galleries").RequireSignedInAdmin().WithTags("Galleries");

        api.MapGet("/", async (GalleryService galleries, CancellationToken ct) => TypedResults.Ok((await galleries.ListAsync(ct)).Select(GalleryResponse.From).ToList()))
            .WithSummary("List galleries")
            .WithDescription("Every gallery with its people, photos and faces; Main first.");

        api.MapPost("/", CreateAsync)
            .WithRequestExample("application/json", """{"name":"Second site"}""")
            .WithSummary("Create a gallery")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPut("/{id:guid}", RenameAsync)
            .WithRequestExample("application/json", """{"name":"Head office"}""")
            .WithSummary("Rename a gallery")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete("/{id:guid}", DeleteAsync)
            .WithSummary("Delete a gallery")
            .WithDescription("Erases the gallery's people as deleting each person does (photos, faces, files, negatives, models that knew them), then the gallery. Main cannot be deleted.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{id:guid}/people/{personId:guid}", MovePersonAsync)
            .WithSummary("Move a person into a gallery")
            .WithDescription("The person keeps their photos, faces and negatives; refused when the gallery has someone of the same name.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private static async Task<Results<Created<GalleryResponse>, ProblemHttpResult>> CreateAsync(GalleryNameRequest body, GalleryService galleries, ClaimsPrincipal user, CancellationToken ct)
    {
        var created = await galleries.CreateAsync(body.Name ?? string.Empty, ActorName.Of(user), ct);
        if (!created.Succeeded)
        {
            return ApiProblems.BadRequest(created.Error);
        }

        var gallery = (await galleries.GetAsync(created.Value, ct))!;
        return TypedResults.Created($"{IntegrationApi.Prefix}/galleries/{gallery.Id}", GalleryResponse.From(gallery));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RenameAsync(Guid id, GalleryNameRequest body, GalleryService galleries, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await galleries.GetAsync(id, ct) is null)
        {
            return ApiProblems.NotFound("gallery");
        }

        var renamed = await galleries.RenameAsync(id, body.Name ?? string.Empty, ActorName.Of(user), ct);
        return renamed.Succeeded ? TypedResults.NoContent() : ApiProblems.BadRequest(renamed.Error);
    }

    private static async Task<Results<Ok<GalleryDeletionReport>, ProblemHttpResult>> DeleteAsync(Guid id, GalleryService galleries, ClaimsPrincipal user, CancellationToken ct) =>
        await galleries.DeleteAsync(id, ActorName.Of(user), ct) switch
        {
            null => ApiProblems.NotFound("gallery"),
            { Succeeded: false } refused => ApiProblems.BadRequest(refused.Error),
            var deleted => TypedResults.Ok(deleted.Value),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> MovePersonAsync(
        Guid id, Guid personId, GalleryService galleries, FacePortal.Core.People.PeopleService people, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await galleries.GetAsync(id, ct) is null)
        {
            return ApiProblems.NotFound("gallery");
        }

        if (await people.FindGalleryAsync(personId, ct) is null)
        {
            return ApiProblems.NotFound("person");
        }

        var moved = await galleries.MovePersonAsync(personId, id, ActorName.Of(user), ct);
        return moved.Succeeded ? TypedResults.NoContent() : ApiProblems.BadRequest(moved.Error);
    }
}

/// <summary>A gallery's new name.</summary>
public sealed record GalleryNameRequest(string? Name);

/// <summary>A gallery as listed: what it holds, so what deleting it would erase.</summary>
public sealed record GalleryResponse(Guid Id, string Name, int People, int Photos, int Faces, DateTime CreatedAt, bool IsDefault)
{
    public static GalleryResponse From(GallerySummary gallery)
    {
        ArgumentNullException.ThrowIfNull(gallery);
        return new(gallery.Id, gallery.Name, gallery.PersonCount, gallery.PhotoCount, gallery.FaceCount, gallery.CreatedAt, gallery.IsDefault);
    }
}
