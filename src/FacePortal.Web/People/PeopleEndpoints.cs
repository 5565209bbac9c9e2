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

        // A webcam sample enrolls the face the preview highlighted while the admin watched (the primary face).
        var webcam = string.Equals(source, "webcam", StringComparison.OrdinalIgnoreCase);
        return await PhotoUploads.EnrollAsync(
            request, id, webcam ? PhotoSource.Webcam : PhotoSource.Upload, enrollment, buffers, ActorName.Of(user), highlighted: webcam, ct);
    }
}
