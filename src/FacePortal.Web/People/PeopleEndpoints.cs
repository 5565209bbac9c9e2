using System.Security.Claims;
using FacePortal.Core.People;
using FacePortal.Web.Accounts;
using FacePortal.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace FacePortal.Web.People;

/// <summary>The identities HTTP API (admins only): people, photo uploads, deletions.</summary>
public static class PeopleEndpoints
{
    public sealed record PersonName(string? Name);

    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Admin).WithTags("People");

        api.MapGet("/people", (PeopleService people, string? search, PeopleSort? sort, bool? desc, int? page, int? pageSize, CancellationToken ct) =>
            people.ListAsync(new PeopleQuery(search, sort ?? PeopleSort.Name, desc ?? false, page ?? 0, pageSize ?? 25), ct));

        api.MapPost("/people", async (PersonName body, PeopleService people, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var change = await people.CreateAsync(body.Name ?? string.Empty, ActorName.Of(user), ct);
            return change.Succeeded
                ? Results.Created($"/api/people/{change.Value}", new { id = change.Value })
                : Results.Problem(change.Error, statusCode: StatusCodes.Status400BadRequest);
        });

        api.MapGet("/people/{id:guid}", async (Guid id, PeopleService people, CancellationToken ct) =>
            await people.GetAsync(id, ct) is { } person ? Results.Ok(person) : ApiProblems.NotFound("person"));

        api.MapPut("/people/{id:guid}", async (Guid id, PersonName body, PeopleService people, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var change = await people.RenameAsync(id, body.Name ?? string.Empty, ActorName.Of(user), ct);
            return change.Succeeded ? Results.NoContent() : Results.Problem(change.Error, statusCode: StatusCodes.Status400BadRequest);
        });

        api.MapDelete("/people/{id:guid}", async (Guid id, PeopleService people, ClaimsPrincipal user, CancellationToken ct) =>
            await people.DeleteAsync(id, ActorName.Of(user), ct) is { Found: true } report ? Results.Ok(report) : ApiProblems.NotFound("person"));

        api.MapPost("/people/{id:guid}/photos", UploadPhotosAsync)
            .Accepting(ApiContentTypes.Multipart)
            .WithMetadata(new RequestSizeLimitAttribute(UploadLimits.MaxRequestBytes));

        api.MapDelete("/photos/{id:guid}", async (Guid id, PeopleService people, ClaimsPrincipal user, CancellationToken ct) =>
            await people.DeletePhotoAsync(id, ActorName.Of(user), ct) is { Found: true } report ? Results.Ok(report) : ApiProblems.NotFound("photo"));

        api.MapDelete("/faces/{id:guid}", async (Guid id, PeopleService people, ClaimsPrincipal user, CancellationToken ct) =>
            await people.DeleteFaceAsync(id, ActorName.Of(user), ct) is { Found: true } report ? Results.Ok(report) : ApiProblems.NotFound("face"));
        return app;
    }

    private static async Task<IResult> UploadPhotosAsync(
        Guid id, HttpRequest request, string? source, EnrollmentService enrollment, PeopleService people, RequestBuffers buffers, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await people.FindNameAsync(id, ct) is null)
        {
            return ApiProblems.NotFound("person");
        }

        // Read as a stream into our own request buffers: every file gets a result, including one the
        // disk could not hold, and nothing is left in the system's temp folder if the process dies.
        var limits = new MultipartLimits(enrollment.Options.MaxFilesPerBatch, enrollment.MaxPhotoBytes, "photo", RefuseOversizedParts: false);
        var (spool, problem) = await MultipartSpool.ReadAsync(request, buffers, limits, ct);
        if (spool is null)
        {
            return problem!;
        }

        await using (spool)
        {
            var files = spool.Parts.Where(p => p.FileName is not null).ToList();
            if (files.Count == 0)
            {
                return Results.Problem("No files were sent.", statusCode: StatusCodes.Status400BadRequest);
            }

            var photoSource = string.Equals(source, "webcam", StringComparison.OrdinalIgnoreCase) ? PhotoSource.Webcam : PhotoSource.Upload;
            var results = new List<EnrollmentResult>(files.Count);
            foreach (var file in files)
            {
                results.Add(await EnrollAsync(file, id, photoSource, enrollment, ActorName.Of(user), ct));
            }

            return Results.Ok(results);
        }
    }

    private static async Task<EnrollmentResult> EnrollAsync(
        SpooledPart file, Guid personId, PhotoSource source, EnrollmentService enrollment, string actor, CancellationToken ct)
    {
        var fileName = file.FileName!;
        if (enrollment.RejectIfTooLarge(fileName, file.Length) is { } tooLarge)
        {
            return tooLarge;
        }

        if (file.Failure is { } failure)
        {
            return EnrollmentService.NotSaved(fileName, failure);
        }

        return await enrollment.EnrollPhotoAsync(personId, await file.ReadAllBytesAsync(ct), fileName, source, actor, ct);
    }
}
