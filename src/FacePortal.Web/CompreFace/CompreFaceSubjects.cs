namespace FacePortal.Web.CompreFace;

/// <summary>CompreFace's subjects: a subject is a person of the key's gallery, found by name.</summary>
public static class CompreFaceSubjects
{
    private const string Path = "/recognition/subjects";

    public static RouteGroupBuilder MapCompreFaceSubjects(this RouteGroupBuilder api)
    {
        api.MapPost(Path, AddAsync)
            .RequireScope(ScopeNames.PeopleWrite)
            .WithRequestExample("application/json", """{"subject":"Ada Lovelace"}""")
            .WithSummary("CompreFace: add a subject")
            .WithDescription("Creates a person. 400 with code 43 when the name is taken, 26 when it cannot be used.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet(Path, ListAsync)
            .RequireScope(ScopeNames.PeopleRead)
            .WithSummary("CompreFace: list subjects")
            .WithDescription("Every person's name.");

        api.MapPut(Path + "/{subject}", RenameAsync)
            .RequireScope(ScopeNames.PeopleWrite)
            .WithRequestExample("application/json", """{"subject":"Ada King"}""")
            .WithSummary("CompreFace: rename a subject")
            .WithDescription("Renames the person; when the new name is another person's, their faces are merged into that person and this one is deleted, as CompreFace does.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete(Path + "/{subject}", DeleteAsync)
            .RequireScope(ScopeNames.PeopleWrite)
            .WithSummary("CompreFace: delete a subject")
            .WithDescription("Deletes the person with their photos and faces.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete(Path, DeleteAllAsync)
            .RequireScope(ScopeNames.PeopleWrite)
            .WithSummary("CompreFace: delete all subjects")
            .WithDescription("Deletes every person of the key's gallery with their photos and faces.");
        return api;
    }

    private static async Task<Results<Created<SubjectBody>, ProblemHttpResult>> AddAsync(
        SubjectBody body, HttpContext context, CompreFaceGallery galleries, CompreFaceCollection collection, CancellationToken ct)
    {
        var gallery = await galleries.ResolveAsync(context, ct);
        if (gallery.Problem is { } refused)
        {
            return refused;
        }

        var name = body.Subject ?? string.Empty;
        if (await collection.FindSubjectAsync(gallery.GalleryId, name, ct) is not null)
        {
            return CompreFaceErrors.Problem(StatusCodes.Status400BadRequest, CompreFaceErrors.SubjectAlreadyExists, "Subject name is already exists");
        }

        var created = await collection.CreateSubjectAsync(gallery.GalleryId, name, ActorName.Of(context.User), ct);
        return created.Succeeded
            ? TypedResults.Created($"/api/v1{Path}/{Uri.EscapeDataString(name)}", new SubjectBody(await collection.SubjectNameAsync(gallery.GalleryId, created.Value, ct)))
            : CompreFaceErrors.Problem(StatusCodes.Status400BadRequest, CompreFaceErrors.ValidationConstraintViolation, created.Error);
    }

    private static async Task<Results<Ok<SubjectList>, ProblemHttpResult>> ListAsync(HttpContext context, CompreFaceGallery galleries, CompreFaceCollection collection, CancellationToken ct)
    {
        var gallery = await galleries.ResolveAsync(context, ct);
        if (gallery.Problem is { } refused)
        {
            return refused;
        }

        var subjects = await collection.SubjectsAsync(gallery.GalleryId, ct);
        return TypedResults.Ok(new SubjectList([.. subjects.Select(s => s.Name)]));
    }

    private static async Task<Results<Ok<SubjectRenamed>, ProblemHttpResult>> RenameAsync(
        string subject, SubjectBody body, HttpContext context, CompreFaceGallery galleries, CompreFaceCollection collection, CancellationToken ct)
    {
        var gallery = await galleries.ResolveAsync(context, ct);
        if (gallery.Problem is { } refused)
        {
            return refused;
        }

        if (await collection.FindSubjectAsync(gallery.GalleryId, subject, ct) is not { } from)
        {
            return CompreFaceErrors.SubjectMissing(subject);
        }

        var actor = ActorName.Of(context.User);
        var name = body.Subject ?? string.Empty;
        if (await collection.FindSubjectAsync(gallery.GalleryId, name, ct) is { } into && into != from)
        {
            await collection.MergeSubjectsAsync(gallery.GalleryId, from, into, actor, ct);
            return TypedResults.Ok(new SubjectRenamed(true));
        }

        var renamed = await collection.RenameSubjectAsync(gallery.GalleryId, from, name, actor, ct);
        return renamed.Succeeded
            ? TypedResults.Ok(new SubjectRenamed(true))
            : CompreFaceErrors.Problem(StatusCodes.Status400BadRequest, CompreFaceErrors.ValidationConstraintViolation, renamed.Error);
    }

    private static async Task<Results<Ok<SubjectBody>, ProblemHttpResult>> DeleteAsync(
        string subject, HttpContext context, CompreFaceGallery galleries, CompreFaceCollection collection, CancellationToken ct)
    {
        var gallery = await galleries.ResolveAsync(context, ct);
        if (gallery.Problem is { } refused)
        {
            return refused;
        }

        if (await collection.FindSubjectAsync(gallery.GalleryId, subject, ct) is not { } id
            || await collection.SubjectNameAsync(gallery.GalleryId, id, ct) is not { } name
            || !(await collection.DeleteSubjectAsync(gallery.GalleryId, id, ActorName.Of(context.User), ct)).Found)
        {
            return CompreFaceErrors.SubjectMissing(subject);
        }

        return TypedResults.Ok(new SubjectBody(name));
    }

    private static async Task<Results<Ok<DeletedCount>, ProblemHttpResult>> DeleteAllAsync(
        HttpContext context, CompreFaceGallery galleries, CompreFaceCollection collection, CancellationToken ct)
    {
        var gallery = await galleries.ResolveAsync(context, ct);
        if (gallery.Problem is { } refused)
        {
            return refused;
        }

        var actor = ActorName.Of(context.User);
        var deleted = 0;
        foreach (var (id, _) in await collection.SubjectsAsync(gallery.GalleryId, ct))
        {
            deleted += (await collection.DeleteSubjectAsync(gallery.GalleryId, id, actor, ct)).Found ? 1 : 0;
        }

        return TypedResults.Ok(new DeletedCount(deleted));
    }
}
