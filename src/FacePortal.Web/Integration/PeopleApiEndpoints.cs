using System.ComponentModel;
using System.Security.Claims;
using FacePortal.Core.Applications;
using FacePortal.Core.People;
using FacePortal.Web.Accounts;
using FacePortal.Web.Applications;
using FacePortal.Web.Hosting;
using FacePortal.Web.People;
using FacePortal.Web.Recognition;
using Microsoft.AspNetCore.Mvc;

namespace FacePortal.Web.Integration;

/// <summary>
/// People over the integration API: <c>people:read</c> lists and reads, <c>people:write</c> creates,
/// renames, deletes, adds photos and removes faces. Every change is audited under the key's name
/// (the principal's name, <see cref="AuthenticatedApplication.ActorName"/>).
/// </summary>
public static class PeopleApiEndpoints
{
    public static RouteGroupBuilder MapPeopleApiV1(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var api = v1.MapGroup(string.Empty).WithTags("People");

        api.MapGet("/people", (PeopleService people, string? search, PeopleSort? sort, bool? desc, int? page, int? pageSize, CancellationToken ct) =>
                people.ListAsync(new PeopleQuery(search, sort ?? PeopleSort.Name, desc ?? false, page ?? 0, Math.Clamp(pageSize ?? 25, 1, 500)), ct))
            .RequireScope(ScopeNames.PeopleRead)
            .WithSummary("List people")
            .WithDescription("A page of enrolled people with their face and photo counts; search matches names.")
            .Produces<PeoplePage>();

        api.MapGet("/people/{id:guid}", async (Guid id, PeopleService people, CancellationToken ct) =>
                await people.GetAsync(id, ct) is { } person ? Results.Ok(person) : ApiProblems.NotFound("person"))
            .RequireScope(ScopeNames.PeopleRead)
            .WithSummary("Get a person")
            .WithDescription("The person with their enrolled faces and photos.")
            .Produces<PersonDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/people", async (PersonNameRequest body, PeopleService people, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var change = await people.CreateAsync(body.Name ?? string.Empty, ActorName.Of(user), ct);
                return change.Succeeded
                    ? Results.Created($"/api/v1/people/{change.Value}", new CreatedPerson(change.Value))
                    : Results.Problem(change.Error, statusCode: StatusCodes.Status400BadRequest);
            })
            .RequireScope(ScopeNames.PeopleWrite)
            .WithRequestExample("application/json", """{"name":"Ada Lovelace"}""")
            .WithSummary("Create a person")
            .Produces<CreatedPerson>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPut("/people/{id:guid}", async (Guid id, PersonNameRequest body, PeopleService people, ClaimsPrincipal user, CancellationToken ct) =>
            {
                if (await people.FindNameAsync(id, ct) is null)
                {
                    return ApiProblems.NotFound("person");
                }

                var change = await people.RenameAsync(id, body.Name ?? string.Empty, ActorName.Of(user), ct);
                return change.Succeeded ? Results.NoContent() : Results.Problem(change.Error, statusCode: StatusCodes.Status400BadRequest);
            })
            .RequireScope(ScopeNames.PeopleWrite)
            .WithRequestExample("application/json", """{"name":"Ada King"}""")
            .WithSummary("Rename a person")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete("/people/{id:guid}", async (Guid id, PeopleService people, ClaimsPrincipal user, CancellationToken ct) =>
                await people.DeleteAsync(id, ActorName.Of(user), ct) is { Found: true } report ? Results.Ok(report) : ApiProblems.NotFound("person"))
            .RequireScope(ScopeNames.PeopleWrite)
            .WithSummary("Delete a person")
            .WithDescription("The person, their photos and faces, and every file no other row uses.")
            .Produces<DeletionReport>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/people/{id:guid}/photos", AddPhotosAsync)
            .RequireScope(ScopeNames.PeopleWrite)
            .Accepting(ApiContentTypes.Multipart)
            .WithDocumentedBody<PhotoFiles>(ApiContentTypes.Multipart)
            .WithMetadata(new RequestSizeLimitAttribute(UploadLimits.MaxRequestBytes))
            .BoundLikePhotoAnalysis()
            .WithSummary("Add photos to a person")
            .WithDescription("multipart/form-data with one file part per photo. Each file is answered on its own, as the People page does: "
                + "accepted, accepted with a warning, or rejected with the reason. " + PhotoUploads.ChoiceDescription)
            .Produces<List<EnrollmentResult>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .Produces<FaceChoiceProblem>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage);

        api.MapDelete("/faces/{id:guid}", async (Guid id, PeopleService people, ClaimsPrincipal user, CancellationToken ct) =>
                await people.DeleteFaceAsync(id, ActorName.Of(user), ct) is { Found: true } report ? Results.Ok(report) : ApiProblems.NotFound("face"))
            .RequireScope(ScopeNames.PeopleWrite)
            .WithSummary("Remove a face")
            .WithDescription("The enrolled face leaves the gallery; its photo stays while other faces use it.")
            .Produces<DeletionReport>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private const string FaceDescription = "For a photo with several faces: the index (0-based) of the face that is the person, as a 422 answer lists them. Also accepted as a form field.";

    private const string BoxDescription = "For a photo with several faces: left,top,right,bottom in photo pixels; the face overlapping it most (intersection over union at least 0.5) is enrolled. Also accepted as a form field.";

    /// <param name="face">Read by <see cref="PhotoUploads"/> (also as a form field); a parameter here so the document lists it.</param>
    /// <param name="box">As <paramref name="face"/>.</param>
    private static async Task<IResult> AddPhotosAsync(
        Guid id, HttpRequest request, [FromQuery(Name = PhotoUploads.FaceParameter), Description(FaceDescription)] int? face,
        [FromQuery(Name = PhotoUploads.BoxParameter), Description(BoxDescription)] string? box, EnrollmentService enrollment, PeopleService people, RequestBuffers buffers, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await people.FindNameAsync(id, ct) is null)
        {
            return ApiProblems.NotFound("person");
        }

        return await PhotoUploads.EnrollAsync(request, id, PhotoSource.Upload, enrollment, buffers, ActorName.Of(user), highlighted: false, ct);
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
