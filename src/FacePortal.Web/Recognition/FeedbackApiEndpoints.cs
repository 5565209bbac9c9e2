using FacePortal.Core.Feedback;
using FacePortal.Shared.Faces.Geometry;

namespace FacePortal.Web.Recognition;

/// <summary>
/// "Not this person" over the integration API (<c>people:write</c> to mark and delete, <c>people:read</c> to list):
/// a caller that saw a wrong name marks the face as not that person. Any face may be marked, named as that
/// person or not: it is the caller's explicit statement, audited under the key's name.
/// </summary>
public static class FeedbackApiEndpoints
{
    private const long MaxRequestBytes = 32L * 1024 * 1024;

    public static RouteGroupBuilder MapFeedbackApiV1(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var api = v1.MapGroup(string.Empty).WithTags("Feedback");

        api.MapPost("/feedback", MarkAsync)
            .RequireScope(ScopeNames.PeopleWrite)
            .WithDocumentedBody<ImageBody>(PhotoInput.Json, ApiContentTypes.Multipart)
            .WithRequestExample(PhotoInput.Json, """{"image":"/9j/4AAQSkZJRg..."}""")
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .BoundLikePhotoAnalysis()
            .WithSummary("Mark a face as not this person")
            .WithDescription("The photo as the multipart part or JSON member 'image'; personId (query) is the person the face is not. "
                + "With several faces, say which: face (its index, in the order /recognize lists them) or box (left,top,right,bottom in the photo's pixels). "
                + "The face's embedding and aligned crop are kept as a negative example: recognition then refuses to name a face as that person "
                + "when it is closer to their negatives than to their own faces. 422 lists the photo's faces when none (or not the one asked for) is found.")
            .ProducesPersonPhotoProblems()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/people/{id:guid}/negatives", ListAsync)
            .RequireScope(ScopeNames.PeopleRead)
            .WithSummary("List a person's negative examples")
            .WithDescription("The faces marked as not this person, newest first: where each was marked, by whom and when.");

        api.MapDelete("/people/{id:guid}/negatives/{negativeId:guid}", DeleteAsync)
            .RequireScope(ScopeNames.PeopleWrite)
            .WithSummary("Delete a negative example")
            .WithDescription("Recognition stops using it at once; its crop is removed from disk unless something else uses it.");
        return v1;
    }

    // Each operation is on one person: one of a gallery the caller may not use is answered as one that does not exist (GalleryAccess).
    private static Task<Results<Ok<IReadOnlyList<NegativeExampleSummary>>, ProblemHttpResult>> ListAsync(
        Guid id, FeedbackService feedback, GalleryAccess access, HttpContext context, CancellationToken ct) =>
        access.ResolveForPersonAsync(context, id, ct).AnswerFoundAsync("person", () => feedback.ListAsync(id, ct), negatives => TypedResults.Ok(negatives));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, Guid negativeId, FeedbackService feedback, GalleryAccess access, HttpContext context, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = await access.ResolveForPersonAsync(context, id, ct);
        if (!scope.Succeeded)
        {
            return scope.Problem();
        }

        return await feedback.DeleteAsync(id, negativeId, ActorName.Of(user), ct) ? TypedResults.NoContent() : ApiProblems.NotFound("negative example");
    }

    private static async Task<Results<Created<NegativeExampleSummary>, ProblemHttpResult>> MarkAsync(
        HttpRequest request, [FromQuery] Guid? personId, [FromQuery] int? face, [FromQuery] string? box,
        FeedbackService feedback, FacePipeline pipeline, GalleryAccess access, RequestBuffers buffers, IdleMemoryTrim trim, ClaimsPrincipal user, CancellationToken ct)
    {
        if (personId is not { } person)
        {
            return TypedResults.Problem("Say which person the face is not: personId.", statusCode: StatusCodes.Status400BadRequest, title: "Person missing");
        }

        var scope = await access.ResolveForPersonAsync(request.HttpContext, person, ct);
        if (!scope.Succeeded)
        {
            return scope.Problem();
        }

        FaceBox? wanted = null;
        if (box is not null)
        {
            if (FaceChoice.ParseBox(box) is not { } parsed)
            {
                return TypedResults.Problem(
                    "box must be left,top,right,bottom in the photo's pixels, with right > left and bottom > top.", statusCode: StatusCodes.Status400BadRequest, title: "Bad box");
            }

            wanted = parsed;
        }

        if (face is < 0)
        {
            return TypedResults.Problem($"face must be 0 or more (was {face}).", statusCode: StatusCodes.Status400BadRequest, title: "Bad face index");
        }

        using var large = trim.Begin();
        var (bytes, problem) = await PhotoInput.ReadImageAsync(request, pipeline.Decoder.Limits.MaxBytes, buffers, ct);
        if (problem is not null)
        {
            return problem;
        }

        MarkResult result;
        try
        {
            result = await feedback.MarkAsync(person, bytes, face, wanted, NegativeSource.Api, ActorName.Of(user), ct);
        }
        catch (ImageDecodeException e)
        {
            return PhotoInput.Unusable(e);
        }
        catch (Exception e) when (StorageFailure.Of(e) is { } failure)
        {
            return ApiProblems.NotSaved(failure);
        }

        return result switch
        {
            { Marked: { } marked } => TypedResults.Created($"{IntegrationApi.Prefix}/people/{person}/negatives/{marked.Id}", marked),
            { Failure: MarkFailure.PersonNotFound } => ApiProblems.NotFound("person"),
            _ => TypedResults.Problem(
                result.Message,
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: result.Failure == MarkFailure.WhichFace ? "Which face?" : "No such face",
                extensions: new Dictionary<string, object?> { ["faces"] = result.Faces.Select(BoxResponse.Of).ToList() }),
        };
    }

    /// <summary>A face's box in a 422 answer, as the caller sends it back (box=left,top,right,bottom).</summary>
    public sealed record BoxResponse(int Index, float Left, float Top, float Right, float Bottom)
    {
        public static BoxResponse Of(FaceBox box, int index) => new(index, box.Left, box.Top, box.Right, box.Bottom);
    }
}
