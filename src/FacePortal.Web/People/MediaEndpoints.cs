using FacePortal.Core.Applications;
using FacePortal.Core.People;
using FacePortal.Shared.Faces;
using FacePortal.Shared.Imaging;
using FacePortal.Web.Applications;
using FacePortal.Web.Api;
using FacePortal.Web.Galleries;
using FacePortal.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FacePortal.Web.People;

/// <summary>
/// Photos and crops, streamed by id after an authorization check (<c>people:read</c>, or a signed-in
/// admin, whose pages show them): the blob store's paths are never exposed, and, like every API
/// answer (SecurityHeaders), not cached, so a deleted person's face does not linger. A photo or face of a gallery the
/// caller may not use is answered 404 (<see cref="GalleryAccess.ResolveForItemAsync"/>).
/// </summary>
public static class MediaEndpoints
{
    private const int MaxThumbnailSide = 512;

    public static RouteGroupBuilder MapMediaApi(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var api = v1.MapGroup(string.Empty).WithTags("Media").RequireScope(ScopeNames.PeopleRead);

        api.MapGet("/photos/{id:guid}/file", PhotoFileAsync)
            .WithSummary("Download a photo")
            .WithDescription("The photo as it was uploaded, with its own content type.");

        api.MapGet("/photos/{id:guid}/thumbnail", ThumbnailAsync)
            .WithSummary("A photo's thumbnail")
            .WithDescription("A JPEG whose longer side is size pixels (32 to 512, default 256).");

        api.MapGet("/faces/{id:guid}/crop", FaceCropAsync)
            .WithSummary("An enrolled face's crop")
            .WithDescription("The aligned crop the face's embedding was computed from, as PNG.");
        return v1;
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> PhotoFileAsync(
        Guid id, MediaService media, PeopleService people, GalleryAccess access, HttpContext context, CancellationToken ct)
    {
        var scope = await access.ResolveForItemAsync(context, await people.FindGalleryOfPhotoAsync(id, ct), "photo", ct);
        if (!scope.Succeeded)
        {
            return scope.Problem();
        }

        return await media.OpenPhotoAsync(id, ct) is { } photo
            ? TypedResults.Stream(photo.Content, photo.ContentType, fileDownloadName: null, enableRangeProcessing: true)
            : ApiProblems.NotFound("photo");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ThumbnailAsync(
        Guid id, int? size, MediaService media, FacePipeline pipeline, PeopleService people, GalleryAccess access, HttpContext context, CancellationToken ct)
    {
        var scope = await access.ResolveForItemAsync(context, await people.FindGalleryOfPhotoAsync(id, ct), "photo", ct);
        if (!scope.Succeeded)
        {
            return scope.Problem();
        }

        if (await media.ReadPhotoAsync(id, ct) is not { } bytes)
        {
            return ApiProblems.NotFound("photo");
        }

        var side = Math.Clamp(size ?? 256, 32, MaxThumbnailSide);
        using var image = pipeline.Decoder.Decode(bytes);
        return TypedResults.Bytes(ImageTransforms.ThumbnailJpeg(image, side), "image/jpeg");
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> FaceCropAsync(
        Guid id, MediaService media, PeopleService people, GalleryAccess access, HttpContext context, CancellationToken ct)
    {
        var scope = await access.ResolveForItemAsync(context, await people.FindGalleryOfFaceAsync(id, ct), "face", ct);
        if (!scope.Succeeded)
        {
            return scope.Problem();
        }

        return await media.OpenFaceCropAsync(id, ct) is { } crop
            ? TypedResults.Stream(crop.Content, crop.ContentType)
            : ApiProblems.NotFound("face");
    }
}
