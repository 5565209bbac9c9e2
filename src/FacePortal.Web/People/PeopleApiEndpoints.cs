using System.ComponentModel;

namespace FacePortal.Web.People;

/// <summary>
/// People over the API: <c>people:read</c> lists and reads, <c>people:write</c> creates,
/// renames, deletes, adds photos and removes faces. Every change is audited under the key's name
/// (the principal's name, <see cref="AuthenticatedApplication.ActorName"/>). Everything happens in the gallery
/// <see cref="GalleryAccess"/> resolves (the key's, or the <c>gallery</c> parameter's); a person, photo or face of another
/// gallery is answered 404, as if it did not exist.
/// </summary>
public static class PeopleApiEndpoints
{
    public static RouteGroupBuilder MapPeopleApiV1(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var api = v1.MapGroup(string.Empty).WithTags("People");

        api.MapGet("/people", ListAsync)
            .RequireScope(ScopeNames.PeopleRead)
            .WithSummary("List people")
            .WithDescription("A page of enrolled people with their face and photo counts; search matches names.");

        api.MapGet("/people/{id:guid}", GetAsync)
            .RequireScope(ScopeNames.PeopleRead)
            .WithSummary("Get a person")
            .WithDescription("The person with their enrolled faces and photos.");

        api.MapPost("/people", CreateAsync)
            .RequireScope(ScopeNames.PeopleWrite)
            .WithRequestExample("application/json", """{"name":"Ada Lovelace"}""")
            .WithSummary("Create a person");

        api.MapPut("/people/{id:guid}", RenameAsync)
            .RequireScope(ScopeNames.PeopleWrite)
            .WithRequestExample("application/json", """{"name":"Ada King"}""")
            .WithSummary("Rename a person");

        api.MapDelete("/people/{id:guid}", DeleteAsync)
            .RequireScope(ScopeNames.PeopleWrite)
            .WithSummary("Delete a person")
            .WithDescription("The person, their photos and faces, and every file no other row uses.");

        api.MapPost("/people/{id:guid}/photos", AddPhotosAsync)
            .RequireScope(ScopeNames.PeopleWrite)
            .Accepting(ApiContentTypes.Multipart)
            .WithDocumentedBody<PhotoFiles>(ApiContentTypes.Multipart)
            .WithMetadata(new RequestSizeLimitAttribute(UploadLimits.MaxRequestBytes))
            .BoundLikePhotoAnalysis()
            .WithSummary("Add photos to a person")
            .WithDescription("multipart/form-data with one file part per photo. Each file is answered on its own, as the People page does: "
                + "accepted, accepted with a warning, or rejected with the reason. " + PhotoUploads.ChoiceDescription)
            .ProducesPersonPhotoProblems()
            .Produces<FaceChoiceProblem>(StatusCodes.Status422UnprocessableEntity, "application/problem+json");

        api.MapDelete("/photos/{id:guid}", DeletePhotoAsync)
            .RequireScope(ScopeNames.PeopleWrite)
            .WithSummary("Delete a photo")
            .WithDescription("The photo and every face enrolled from it.");

        api.MapDelete("/faces/{id:guid}", DeleteFaceAsync)
            .RequireScope(ScopeNames.PeopleWrite)
            .WithSummary("Remove a face")
            .WithDescription("The enrolled face leaves the gallery; its photo stays while other faces use it.");
        return v1;
    }

    private const string GalleryDescription = "The gallery to use, by id or name: needed only by a key bound to several galleries (or to pick one as an admin; default Main).";

    private static async Task<Results<Ok<FacePortal.Core.People.PeoplePage>, ProblemHttpResult>> ListAsync(
        PeopleService people, GalleryAccess access, HttpContext context, string? search, PeopleSort? sort, bool? desc, int? page, int? pageSize,
        [FromQuery(Name = GalleryAccess.Parameter), Description(GalleryDescription)] string? gallery, CancellationToken ct)
    {
        var scope = await access.ResolveAsync(context, gallery, ct);
        if (!scope.Succeeded)
        {
            return scope.Problem();
        }

        return TypedResults.Ok(await people.ListAsync(new PeopleQuery(search, sort ?? PeopleSort.Name, desc ?? false, page ?? 0, Math.Clamp(pageSize ?? 25, 1, 500), scope.GalleryId), ct));
    }

    private static Task<Results<Ok<PersonDetails>, ProblemHttpResult>> GetAsync(
        Guid id, PeopleService people, GalleryAccess access, HttpContext context, [FromQuery(Name = GalleryAccess.Parameter), Description(GalleryDescription)] string? gallery, CancellationToken ct) =>
        access.ResolveForPersonAsync(context, id, ct).AnswerFoundAsync("person", () => people.GetAsync(id, ct), person => TypedResults.Ok(person));

    private static async Task<Results<Created<CreatedPerson>, ProblemHttpResult>> CreateAsync(
        PersonNameRequest body, PeopleService people, GalleryAccess access, HttpContext context, ClaimsPrincipal user,
        [FromQuery(Name = GalleryAccess.Parameter), Description(GalleryDescription)] string? gallery, CancellationToken ct)
    {
        var scope = await access.ResolveAsync(context, gallery, ct);
        if (!scope.Succeeded)
        {
            return scope.Problem();
        }

        var change = await people.CreateAsync(scope.GalleryId!.Value, body.Name ?? string.Empty, ActorName.Of(user), ct);
        return change.Succeeded
            ? TypedResults.Created($"{IntegrationApi.Prefix}/people/{change.Value}", new CreatedPerson(change.Value))
            : ApiProblems.BadRequest(change.Error);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RenameAsync(
        Guid id, PersonNameRequest body, PeopleService people, GalleryAccess access, HttpContext context, ClaimsPrincipal user,
        [FromQuery(Name = GalleryAccess.Parameter), Description(GalleryDescription)] string? gallery, CancellationToken ct)
    {
        var scope = await access.ResolveForPersonAsync(context, id, ct);
        if (!scope.Succeeded)
        {
            return scope.Problem();
        }

        var change = await people.RenameAsync(id, body.Name ?? string.Empty, ActorName.Of(user), ct);
        return change.Succeeded ? TypedResults.NoContent() : ApiProblems.BadRequest(change.Error);
    }

    private static Task<Results<Ok<DeletionReport>, ProblemHttpResult>> DeleteAsync(
        Guid id, PeopleService people, GalleryAccess access, HttpContext context, ClaimsPrincipal user,
        [FromQuery(Name = GalleryAccess.Parameter), Description(GalleryDescription)] string? gallery, CancellationToken ct) =>
        DeleteInGalleryAsync(access.ResolveForPersonAsync(context, id, ct), "person", () => people.DeleteAsync(id, ActorName.Of(user), ct));

    private static Task<Results<Ok<DeletionReport>, ProblemHttpResult>> DeletePhotoAsync(
        Guid id, PeopleService people, GalleryAccess access, HttpContext context, ClaimsPrincipal user,
        [FromQuery(Name = GalleryAccess.Parameter), Description(GalleryDescription)] string? gallery, CancellationToken ct) =>
        DeleteInGalleryAsync(access.ResolveForAsync(context, GalleryItem.Photo, id, ct), "photo", () => people.DeletePhotoAsync(id, ActorName.Of(user), ct));

    private static Task<Results<Ok<DeletionReport>, ProblemHttpResult>> DeleteFaceAsync(
        Guid id, PeopleService people, GalleryAccess access, HttpContext context, ClaimsPrincipal user,
        [FromQuery(Name = GalleryAccess.Parameter), Description(GalleryDescription)] string? gallery, CancellationToken ct) =>
        DeleteInGalleryAsync(access.ResolveForAsync(context, GalleryItem.Face, id, ct), "face", () => people.DeleteFaceAsync(id, ActorName.Of(user), ct));

    /// <summary>A deletion's report; 404 when the thing was already gone (a report that found nothing) or is of a gallery the caller may not use.</summary>
    private static Task<Results<Ok<DeletionReport>, ProblemHttpResult>> DeleteInGalleryAsync(Task<GalleryAccessResult> access, string what, Func<Task<DeletionReport>> delete) =>
        access.AnswerFoundAsync(what, async () => await delete() is { Found: true } report ? report : null, report => TypedResults.Ok(report));

    private const string FaceDescription = "For a photo with several faces: the index (0-based) of the face that is the person, as a 422 answer lists them. Also accepted as a form field.";

    private const string BoxDescription = "For a photo with several faces: left,top,right,bottom in photo pixels; the face overlapping it most (intersection over union at least 0.5) is enrolled. Also accepted as a form field.";

    private const string SourceDescription = "webcam for samples the person page's camera took: each is enrolled from the face its preview highlighted (the primary face) and recorded as a webcam photo. Omit it for uploads.";

    /// <param name="face">Read by <see cref="PhotoUploads"/> (also as a form field); a parameter here so the document lists it.</param>
    /// <param name="box">As <paramref name="face"/>.</param>
    private static async Task<Results<Ok<List<EnrollmentResult>>, ProblemHttpResult>> AddPhotosAsync(
        Guid id, HttpRequest request, [FromQuery(Name = PhotoUploads.FaceParameter), Description(FaceDescription)] int? face,
        [FromQuery(Name = PhotoUploads.BoxParameter), Description(BoxDescription)] string? box, [Description(SourceDescription)] string? source,
        EnrollmentService enrollment, GalleryAccess access, HttpContext context, RequestBuffers buffers, ClaimsPrincipal user,
        [FromQuery(Name = GalleryAccess.Parameter), Description(GalleryDescription)] string? gallery, CancellationToken ct)
    {
        var scope = await access.ResolveForPersonAsync(context, id, ct);
        if (!scope.Succeeded)
        {
            return scope.Problem();
        }

        var webcam = string.Equals(source, "webcam", StringComparison.OrdinalIgnoreCase);
        return await PhotoUploads.EnrollAsync(
            request, id, webcam ? PhotoSource.Webcam : PhotoSource.Upload, enrollment, buffers, ActorName.Of(user), highlighted: webcam, ct);
    }
}

public sealed record PersonNameRequest(string? Name);

public sealed record CreatedPerson(Guid Id);

/// <summary>The photo files of an upload, one multipart part each (any part name; a file name is required).</summary>
/// <param name="Face">Which face of a photo with several to enroll: its index in a 422 answer's faces.</param>
/// <param name="Box">Which face of a photo with several to enroll: "left,top,right,bottom" in photo pixels, matched by overlap.</param>
public sealed record PhotoFiles(IReadOnlyList<IFormFile>? Files, int? Face = null, string? Box = null);

/// <summary>The 422 answer to a photo with several faces and no choice: the faces to choose from, and every file's result.</summary>
public sealed record FaceChoiceProblem(
    string Type, string Title, int Status, string Detail, string FileName, int ImageWidth, int ImageHeight,
    IReadOnlyList<FoundFace> Faces, IReadOnlyList<EnrollmentResult> Results);
