namespace FacePortal.Web.CompreFace;

/// <summary>
/// CompreFace's face examples: an example is an enrolled face (its image_id the face's id), added through
/// FacePortal's enrollment with its quality checks, listed, downloaded (the photo it came from) and deleted.
/// </summary>
public static class CompreFaceExamples
{
    private const string Path = "/recognition/faces";
    private const int DefaultPageSize = 20;

    public static RouteGroupBuilder MapCompreFaceExamples(this RouteGroupBuilder api)
    {
        api.MapCompreFacePhotoPost(
            Path,
            AddAsync,
            ScopeNames.PeopleWrite,
            "CompreFace: add an example of a subject",
            "Enrolls the face of 'file' (multipart part or base64 JSON member) for subject, creating the person when there is none. "
                + "FacePortal's enrollment checks apply (one face, sharp, frontal enough, not a duplicate): a photo they refuse is answered 400 with the reason; "
                + "no face is code 28, several faces code 31. det_prob_threshold is checked but enrollment detects at FacePortal's own threshold.")
            .ProducesProblem(StatusCodes.Status507InsufficientStorage);

        api.MapGet(Path, ListAsync)
            .RequireScope(ScopeNames.PeopleRead)
            .WithSummary("CompreFace: list examples")
            .WithDescription("A page of enrolled faces with their subject, oldest first: page (from 0), size (default 20), subject to list one person's.");

        api.MapDelete(Path, DeleteBySubjectAsync)
            .RequireScope(ScopeNames.PeopleWrite)
            .WithSummary("CompreFace: delete all examples of a subject")
            .WithDescription("Deletes every enrolled face of subject (every face of the gallery without it); the people stay.");

        api.MapDelete(Path + "/{image_id:guid}", DeleteOneAsync)
            .RequireScope(ScopeNames.PeopleWrite)
            .WithSummary("CompreFace: delete an example")
            .WithDescription("Deletes the enrolled face and the photo it came from.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost(Path + "/delete", DeleteSeveralAsync)
            .RequireScope(ScopeNames.PeopleWrite)
            .WithRequestExample("application/json", """["6b135f5b-a365-4522-b1f1-4c9ac2dd0728"]""")
            .WithSummary("CompreFace: delete several examples")
            .WithDescription("A JSON array of image ids; answers the examples deleted (ids not found are skipped).");

        api.MapGet(Path + "/{image_id:guid}/img", ImageAsync)
            .RequireScope(ScopeNames.PeopleRead)
            .WithSummary("CompreFace: download an example's image")
            .WithDescription("The photo the face was enrolled from, with its own content type.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Created<FaceExample>, ProblemHttpResult>> AddAsync(
        HttpContext context, [FromQuery] string? subject, [FromQuery(Name = "det_prob_threshold")] string? detProbThreshold,
        CompreFaceGallery galleries, CompreFaceCollection collection, FacePipeline pipeline, RequestBuffers buffers, IdleMemoryTrim trim, CancellationToken ct)
    {
        var gallery = await galleries.ResolveAsync(context, ct);
        if (gallery.Problem is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(subject))
        {
            return CompreFaceErrors.Problem(StatusCodes.Status400BadRequest, CompreFaceErrors.ValidationConstraintViolation, "Required request parameter 'subject' for method parameter type String is not present");
        }

        var (_, optionsProblem) = CompreFaceOptions.Parse(null, detProbThreshold, null, null);
        if (optionsProblem is not null)
        {
            return CompreFaceErrors.BadArgument(optionsProblem);
        }

        using var large = trim.Begin();
        var (photos, problem) = await CompreFaceApi.ReadPhotosAsync(context.Request, pipeline, buffers, ["file"], ct);
        if (problem is not null)
        {
            return problem;
        }

        var actor = ActorName.Of(context.User);
        var personId = await collection.FindSubjectAsync(gallery.GalleryId, subject, ct);
        if (personId is null)
        {
            var created = await collection.CreateSubjectAsync(gallery.GalleryId, subject, actor, ct);
            if (!created.Succeeded)
            {
                return CompreFaceErrors.Problem(StatusCodes.Status400BadRequest, CompreFaceErrors.ValidationConstraintViolation, created.Error);
            }

            personId = created.Value;
        }

        var result = await collection.EnrollAsync(gallery.GalleryId, personId.Value, photos!["file"], "compreface-upload.jpg", actor, ct);
        return result switch
        {
            { IsAccepted: true, FaceId: { } faceId } => TypedResults.Created(
                $"/api/v1{Path}/{faceId}/img", new FaceExample(faceId, (await collection.SubjectNameAsync(gallery.GalleryId, personId.Value, ct))!)),
            { Status: EnrollmentStatus.NeedsFaceChoice } => CompreFaceErrors.Problem(
                StatusCodes.Status400BadRequest, CompreFaceErrors.TooManyFaces, $"{result.FacesFound} faces are found in the given image; an example should contain only one face"),
            { Reason: RejectionReason.NoFace } => CompreFaceErrors.NoFace(),
            { Reason: RejectionReason.NotSaved } => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status507InsufficientStorage),
            _ => CompreFaceErrors.Problem(StatusCodes.Status400BadRequest, CompreFaceErrors.ValidationConstraintViolation, result.Message),
        };
    }

    private static async Task<Results<Ok<FaceExamplePage>, ProblemHttpResult>> ListAsync(
        HttpContext context, [FromQuery] int? page, [FromQuery] int? size, [FromQuery] string? subject,
        CompreFaceGallery galleries, CompreFaceCollection collection, CancellationToken ct)
    {
        var gallery = await galleries.ResolveAsync(context, ct);
        if (gallery.Problem is { } refused)
        {
            return refused;
        }

        if (page is < 0 || size is < 1 or > 1000)
        {
            return CompreFaceErrors.BadArgument("page should be 0 or more and size between 1 and 1000");
        }

        Guid? personId = null;
        if (!string.IsNullOrEmpty(subject) && (personId = await collection.FindSubjectAsync(gallery.GalleryId, subject, ct)) is null)
        {
            return CompreFaceErrors.SubjectMissing(subject);
        }

        var pageSize = size ?? DefaultPageSize;
        var found = await collection.FacesAsync(gallery.GalleryId, new FaceCatalogQuery(personId, null, page ?? 0, pageSize), ct);
        return TypedResults.Ok(new FaceExamplePage(
            [.. found.Items.Select(f => new FaceExample(f.FaceId, f.PersonName))],
            page ?? 0,
            pageSize,
            (found.TotalCount + pageSize - 1) / pageSize,
            found.TotalCount));
    }

    private static async Task<Results<Ok<DeletedCount>, ProblemHttpResult>> DeleteBySubjectAsync(
        HttpContext context, [FromQuery] string? subject, CompreFaceGallery galleries, CompreFaceCollection collection, CancellationToken ct)
    {
        var gallery = await galleries.ResolveAsync(context, ct);
        if (gallery.Problem is { } refused)
        {
            return refused;
        }

        Guid? personId = null;
        if (!string.IsNullOrEmpty(subject) && (personId = await collection.FindSubjectAsync(gallery.GalleryId, subject, ct)) is null)
        {
            return CompreFaceErrors.SubjectMissing(subject);
        }

        var actor = ActorName.Of(context.User);
        var deleted = 0;
        while (true)
        {
            // Deleting a face takes its photo and the photo's other faces with it, so each pass lists afresh.
            var batch = await collection.FacesAsync(gallery.GalleryId, new FaceCatalogQuery(personId, null, 0, 100), ct);
            if (batch.Items.Count == 0)
            {
                return TypedResults.Ok(new DeletedCount(deleted));
            }

            foreach (var face in batch.Items)
            {
                deleted += (await collection.DeleteFaceAsync(gallery.GalleryId, face.FaceId, actor, ct)).Faces;
            }
        }
    }

    private static async Task<Results<Ok<FaceExample>, ProblemHttpResult>> DeleteOneAsync(
        [FromRoute(Name = "image_id")] Guid imageId, HttpContext context, CompreFaceGallery galleries, CompreFaceCollection collection, CancellationToken ct)
    {
        var gallery = await galleries.ResolveAsync(context, ct);
        if (gallery.Problem is { } refused)
        {
            return refused;
        }

        return await DeleteAsync(gallery.GalleryId, imageId, ActorName.Of(context.User), collection, ct) is { } deleted
            ? TypedResults.Ok(deleted)
            : CompreFaceErrors.ImageMissing(imageId);
    }

    private static async Task<Results<Ok<List<FaceExample>>, ProblemHttpResult>> DeleteSeveralAsync(
        [FromBody] Guid[] imageIds, HttpContext context, CompreFaceGallery galleries, CompreFaceCollection collection, CancellationToken ct)
    {
        var gallery = await galleries.ResolveAsync(context, ct);
        if (gallery.Problem is { } refused)
        {
            return refused;
        }

        var actor = ActorName.Of(context.User);
        var deleted = new List<FaceExample>();
        foreach (var id in imageIds.Distinct())
        {
            if (await DeleteAsync(gallery.GalleryId, id, actor, collection, ct) is { } one)
            {
                deleted.Add(one);
            }
        }

        return TypedResults.Ok(deleted);
    }

    private static async Task<FaceExample?> DeleteAsync(Guid galleryId, Guid imageId, string actor, CompreFaceCollection collection, CancellationToken ct) =>
        await collection.FaceAsync(galleryId, imageId, ct) is { } face && (await collection.DeleteFaceAsync(galleryId, imageId, actor, ct)).Found
            ? new FaceExample(imageId, face.PersonName)
            : null;

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ImageAsync(
        [FromRoute(Name = "image_id")] Guid imageId, HttpContext context, CompreFaceGallery galleries, CompreFaceCollection collection, CancellationToken ct)
    {
        var gallery = await galleries.ResolveAsync(context, ct);
        if (gallery.Problem is { } refused)
        {
            return refused;
        }

        return await collection.FaceAsync(gallery.GalleryId, imageId, ct) is { } face && await collection.OpenPhotoAsync(gallery.GalleryId, face.PhotoId, ct) is { } photo
            ? TypedResults.Stream(photo.Content, photo.ContentType)
            : CompreFaceErrors.ImageMissing(imageId);
    }
}
